import { describe, expect, it } from 'vitest';
import type { DeliveredMessage } from './delivered-message.js';
import { brokerReason, failureEntry, failureFingerprint, unexpectedProblem } from './failure-entry.js';

const message = (overrides: Partial<DeliveredMessage> = {}): DeliveredMessage => ({
  messageId: 'm-1',
  type: 'shop.place-order',
  correlationId: undefined,
  exchange: '',
  routingKey: 'shop.commands',
  redelivered: false,
  headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', 'x-cf-attempt': 3 },
  body: { type: 'shop.place-order', payload: { password: 'hunter2', items: 2 } },
  isJson: true,
  ...overrides,
});

describe('failureEntry', () => {
  it('keeps what operators need and redacts secrets as the logs do', () => {
    const entry = failureEntry(
      'shop.commands',
      message(),
      'retries_exhausted',
      unexpectedProblem(new TypeError('boom')),
    );
    expect(entry).toMatchObject({
      queue: 'shop.commands',
      messageId: 'm-1',
      type: 'shop.place-order',
      attempts: 3,
      traceId: '0af7651916cd43dd8448eb211c80319c',
      problem: { code: 'internal.TypeError', detail: 'boom' },
      payload: { payload: { password: '[redacted]', items: 2 } },
    });
  });

  it('groups alike failures under one fingerprint and tells the others apart', () => {
    const a = failureFingerprint('shop.place-order', 'internal.TypeError', 'retries_exhausted');
    expect(failureFingerprint('shop.place-order', 'internal.TypeError', 'retries_exhausted')).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(failureFingerprint('shop.place-order', 'internal.TypeError', 'poison')).not.toBe(a);
    expect(failureFingerprint('shop.cancel-order', 'internal.TypeError', 'retries_exhausted')).not.toBe(a);
  });

  it('records a body that is not JSON by its size, and a message without an id under a generated one', () => {
    const entry = failureEntry(
      'shop.commands',
      message({ messageId: undefined, type: undefined, isJson: false, body: undefined, bodyBytes: 7 }),
      'poison',
      null,
    );
    expect(entry.payload).toEqual({ notJson: true, bytes: 7 });
    expect(entry.messageId).toMatch(/^none:/);
    expect(entry.type).toBe('(unknown)');
  });

  it('reads the broker’s reasons, and calls any other a rejection', () => {
    expect(brokerReason('delivery_limit')).toBe('delivery_limit');
    expect(brokerReason('expired')).toBe('expired');
    expect(brokerReason('something-new')).toBe('rejected');
    expect(brokerReason(undefined)).toBe('rejected');
  });
});
