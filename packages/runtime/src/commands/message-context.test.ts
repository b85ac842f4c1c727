import { currentTraceparent, formatTraceparent, withTelemetryContext } from '@contextflow/core-infra';
import { describe, expect, it } from 'vitest';
import { messageHeaders } from './message-context.js';

const trace = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', flags: '01' };

describe('messageHeaders', () => {
  it('carries correlation, causation and traceparent', () => {
    expect(messageHeaders({ correlationId: 'c', causationId: 'k', traceparent: 't' })).toEqual({
      correlationId: 'c',
      causationId: 'k',
      traceparent: 't',
    });
  });

  it('omits a missing traceparent', () => {
    expect(messageHeaders({ correlationId: 'c', causationId: 'k' })).toEqual({
      correlationId: 'c',
      causationId: 'k',
    });
  });

  it('is empty without a context', () => {
    expect(messageHeaders(undefined)).toEqual({});
  });

  it('takes the traceparent of the telemetry context when the message context has none', () => {
    const context = { correlationId: 'corr-1', causationId: 'cmd-1' };
    expect(messageHeaders(context)).not.toHaveProperty('traceparent');
    withTelemetryContext({ trace }, () => {
      expect(currentTraceparent()).toBe(formatTraceparent(trace));
      expect(messageHeaders(context)).toEqual({ ...context, traceparent: formatTraceparent(trace) });
      expect(messageHeaders({ ...context, traceparent: 'own' }).traceparent).toBe('own');
    });
  });
});
