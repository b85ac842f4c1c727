import { describe, expect, it } from 'vitest';
import type { DeliveredMessage } from './delivered-message.js';
import { parseCommand, parseEvent } from './message-parsers.js';

const delivered = (body: unknown, isJson = true): DeliveredMessage => ({
  messageId: 'm1',
  type: undefined,
  correlationId: undefined,
  exchange: 'x',
  routingKey: 'k',
  redelivered: false,
  headers: {},
  body,
  isJson,
});

const known = new Set(['test.do-it']);
const command = { type: 'test.do-it', payload: { a: 1 }, meta: { commandId: 'c1' } };

describe('parseCommand', () => {
  it('reads a well-formed command of a known type', () => {
    expect(parseCommand(delivered(command), known)).toEqual({ ok: true, value: command });
  });

  it('rejects a body that is not JSON', () => {
    expect(parseCommand(delivered(undefined, false), known)).toEqual({
      ok: false,
      reason: 'body is not JSON',
    });
  });

  it('rejects an unknown command type', () => {
    expect(parseCommand(delivered({ ...command, type: 'test.other' }), known).ok).toBe(false);
  });

  it('rejects a command without a commandId', () => {
    expect(parseCommand(delivered({ ...command, meta: {} }), known)).toEqual({
      ok: false,
      reason: 'commandId is missing',
    });
  });
});

describe('parseEvent', () => {
  it('reads an event with an id and a type', () => {
    const event = { id: 'e1', type: 'test.happened', version: 1, payload: {} };
    expect(parseEvent(delivered(event))).toEqual({ ok: true, value: event });
  });

  it('rejects an event without an id', () => {
    expect(parseEvent(delivered({ type: 'test.happened' })).ok).toBe(false);
  });
});
