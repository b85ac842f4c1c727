import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DeliveredMessage } from './delivered-message.js';
import { MAX_MESSAGE_BYTES, parseCommand, parseEvent } from './message-parsers.js';

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

  it('rejects a payload that fails its type’s schema, naming the first issue and never the value', () => {
    const schemas = new Map([['test.do-it', z.object({ a: z.number().max(5) })]]);
    expect(parseCommand(delivered(command), known, schemas).ok).toBe(true);
    const parsed = parseCommand(delivered({ ...command, payload: { a: 'secret-value' } }), known, schemas);
    expect(parsed).toEqual({
      ok: false,
      reason: expect.stringMatching(/^test\.do-it payload fails its schema at a: /),
    });
    expect(JSON.stringify(parsed)).not.toContain('secret-value');
  });

  it('rejects a body over the size limit before reading it', () => {
    const big = { ...delivered(command), bodyBytes: MAX_MESSAGE_BYTES + 1 };
    expect(parseCommand(big, known)).toEqual({
      ok: false,
      reason: `body is ${MAX_MESSAGE_BYTES + 1} bytes, over the ${MAX_MESSAGE_BYTES}-byte limit`,
    });
    expect(parseCommand({ ...big, bodyBytes: MAX_MESSAGE_BYTES }, known).ok).toBe(true);
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

  it('checks an event against the contract of its own type and version, whatever its routing key', () => {
    const contracts = { 'test.happened.v1': z.object({ payload: z.object({ n: z.number() }) }) };
    const event = { id: 'e1', type: 'test.happened', version: 1, payload: { n: 1 } };
    // A retried message comes back with its queue's name as the routing key.
    expect(parseEvent({ ...delivered(event), routingKey: 'some.queue' }, contracts).ok).toBe(true);
    expect(parseEvent(delivered({ ...event, payload: {} }), contracts)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^test\.happened\.v1 event fails its schema at payload\.n: /),
    });
    expect(parseEvent(delivered({ ...event, version: 2, payload: {} }), contracts).ok).toBe(true);
  });
});
