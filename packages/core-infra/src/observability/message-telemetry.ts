import type { TelemetryContext } from './telemetry-context.js';
import { parseTraceparent, startSpan } from './trace-context.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The telemetry context of handling (or relaying) a message with these headers: a new span of the trace its
 * `traceparent` names (a new trace when it has none), and its correlation and causation ids.
 */
export function messageTelemetry(
  headers: Readonly<Record<string, unknown>> | null | undefined,
): TelemetryContext {
  return {
    trace: startSpan(parseTraceparent(text(headers?.traceparent))),
    correlationId: text(headers?.correlationId),
    causationId: text(headers?.causationId),
  };
}
