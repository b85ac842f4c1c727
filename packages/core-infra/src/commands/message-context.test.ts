import { describe, expect, it } from 'vitest';
import { messageHeaders } from './message-context.js';

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
});
