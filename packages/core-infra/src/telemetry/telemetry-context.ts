import { AsyncLocalStorage } from 'node:async_hooks';
import { formatTraceparent, type TraceContext } from './trace-context.js';

/**
 * What every log line written while one request or one message is handled carries, and what messages written
 * meanwhile propagate: the trace, the request id (HTTP only), the correlation id and the causation id.
 */
export interface TelemetryContext {
  readonly trace: TraceContext;
  /** The HTTP request id; absent in the worker. */
  readonly requestId?: string | undefined;
  /** Shared by everything one request set in motion. */
  readonly correlationId?: string | undefined;
  /** The id of what caused the work in progress (the request id of a command, the command id of an event). */
  readonly causationId?: string | undefined;
}

const storage = new AsyncLocalStorage<TelemetryContext>();

/** Runs `work` with `context` as the current telemetry context (for it and everything it awaits). */
export function withTelemetryContext<T>(context: TelemetryContext, work: () => T): T {
  return storage.run(context, work);
}

/** The context of the request or message being handled, or `undefined` outside one. */
export function currentTelemetryContext(): TelemetryContext | undefined {
  return storage.getStore();
}

/** The `traceparent` to stamp on a message written now, or `undefined` outside any trace. */
export function currentTraceparent(): string | undefined {
  const context = storage.getStore();
  return context === undefined ? undefined : formatTraceparent(context.trace);
}

/** The fields the logger adds to every line (pino `mixin`): nothing outside a request or message. */
export function telemetryLogFields(): Record<string, string> {
  const context = storage.getStore();
  if (context === undefined) return {};
  const fields: Record<string, string> = { traceId: context.trace.traceId, spanId: context.trace.spanId };
  if (context.requestId !== undefined) fields.requestId = context.requestId;
  if (context.correlationId !== undefined) fields.correlationId = context.correlationId;
  if (context.causationId !== undefined) fields.causationId = context.causationId;
  return fields;
}
