import { describe, expect, it } from 'vitest';
import { DEAD_COMMAND_CODES } from '../commands/reopen-dead-commands.js';
import { PROCESSING_FAILED } from './command-dispatcher.js';
import { deathOf, redriveHeaders } from './dead-letter-death.js';
import { DEAD_LETTERED, deadCommandId, deadLetteredProblem } from './dead-letter-reconciler.js';
import type { DeliveredMessage } from './delivered-message.js';

describe('deathOf', () => {
  it('takes the newest x-death entry, not the older expiry in a retry queue', () => {
    const death = deathOf({
      'x-first-death-queue': 'users.commands.retry.1000ms',
      'x-first-death-reason': 'expired',
      'x-death': [
        { queue: 'users.commands', reason: 'rejected', count: 2, time: 1_700_000_000 },
        { queue: 'users.commands.retry.1000ms', reason: 'expired', count: 4, time: 1_699_999_000 },
      ],
    });
    expect(death).toEqual({
      queue: 'users.commands',
      reason: 'rejected',
      count: 2,
      time: new Date(1_700_000_000_000),
    });
  });

  it('falls back to x-last-death, then x-first-death headers', () => {
    expect(deathOf({ 'x-first-death-queue': 'q', 'x-first-death-reason': 'delivery_limit' })).toMatchObject({
      queue: 'q',
      reason: 'delivery_limit',
      count: 1,
    });
    expect(
      deathOf({
        'x-first-death-queue': 'old',
        'x-first-death-reason': 'expired',
        'x-last-death-queue': 'new',
        'x-last-death-reason': 'rejected',
      }),
    ).toMatchObject({ queue: 'new', reason: 'rejected' });
  });

  it('answers undefined for a message that never died', () => {
    expect(deathOf({ 'x-cf-attempt': 2 })).toBeUndefined();
  });
});

describe('redriveHeaders', () => {
  it('drops the broker’s dead-letter headers and the attempt counter, keeps the message’s own', () => {
    expect(
      redriveHeaders({
        correlationId: 'c-1',
        traceparent: '00-abc-def-01',
        'x-cf-attempt': 5,
        'x-death': [{ queue: 'q' }],
        'x-first-death-reason': 'rejected',
        'x-last-death-queue': 'q',
        'x-delivery-count': 3,
      }),
    ).toEqual({ correlationId: 'c-1', traceparent: '00-abc-def-01' });
  });
});

const message = (body: unknown, messageId?: string): DeliveredMessage => ({
  messageId,
  type: undefined,
  correlationId: undefined,
  exchange: '',
  routingKey: '',
  redelivered: false,
  headers: {},
  body,
  isJson: body !== undefined,
});

describe('deadCommandId', () => {
  const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

  it('reads meta.commandId of the body first, then the message id', () => {
    expect(deadCommandId(message({ meta: { commandId: id } }, 'not-a-uuid'))).toBe(id);
    expect(deadCommandId(message(undefined, id))).toBe(id);
  });

  it('answers undefined when neither is a command id', () => {
    expect(deadCommandId(message({ meta: { commandId: 'x' } }, 'y'))).toBeUndefined();
  });
});

describe('deadLetteredProblem', () => {
  it('says where and why, in words', () => {
    const problem = deadLetteredProblem({
      queue: 'users.commands',
      reason: 'delivery_limit',
      count: 1,
      time: undefined,
    });
    expect(problem).toMatchObject({ status: 500, code: 'commands.dead_lettered' });
    expect(problem.detail).toContain('users.commands (delivery_limit): it was delivered too often');
  });
});

describe('DEAD_COMMAND_CODES', () => {
  it('are the codes the dispatcher and the reconciler fail a dead command with', () => {
    expect([...DEAD_COMMAND_CODES].sort()).toEqual([PROCESSING_FAILED.code, DEAD_LETTERED].sort());
  });
});
