import { formatTraceparent } from '@contextflow/core-infra';
import { describe, expect, it } from 'vitest';
import { messageTelemetry } from './message-telemetry.js';

const trace = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', flags: '01' };

describe('messageTelemetry', () => {
  it('continues the trace of the headers in a new span, with their correlation and causation ids', () => {
    const context = messageTelemetry({
      traceparent: formatTraceparent(trace),
      correlationId: 'corr-1',
      causationId: 'req-1',
    });
    expect(context).toMatchObject({ correlationId: 'corr-1', causationId: 'req-1' });
    expect(context.trace.traceId).toBe(trace.traceId);
    expect(context.trace.spanId).not.toBe(trace.spanId);
  });

  it('starts a new trace for a message without (or with a malformed) traceparent', () => {
    expect(messageTelemetry({ traceparent: 'garbage' }).trace.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(messageTelemetry(null).correlationId).toBeUndefined();
  });
});
