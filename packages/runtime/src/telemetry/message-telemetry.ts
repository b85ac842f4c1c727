import {
  parseTraceparent,
  startSpan,
  type TelemetryContext,
  type TraceContext,
} from '@contextflow/core-infra';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The trace context a message's headers carry (its `traceparent`), `undefined` when none or malformed. */
export function messageParent(
  headers: Readonly<Record<string, unknown>> | null | undefined,
): TraceContext | undefined {
  return parseTraceparent(text(headers?.traceparent));
}

/**
 * The telemetry context of handling (or relaying) a message with these headers: `trace` (the span started for
 * the work; by default a new span of the trace its `traceparent` names, a new trace when it has none), and its
 * correlation and causation ids.
 */
export function messageTelemetry(
  headers: Readonly<Record<string, unknown>> | null | undefined,
  trace: TraceContext = startSpan(messageParent(headers)),
): TelemetryContext {
  return {
    trace,
    correlationId: text(headers?.correlationId),
    causationId: text(headers?.causationId),
  };
}
