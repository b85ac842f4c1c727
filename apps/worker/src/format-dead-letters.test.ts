import type { DeadLetter } from '@contextflow/runtime/operations';
import { describe, expect, it } from 'vitest';
import { formatAge, formatDeadLetter, formatDeadLetters } from './format-dead-letters.js';

const now = new Date('2026-01-02T00:00:00Z');
const letter: DeadLetter = {
  messageId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  type: 'users.rename-user',
  deadLetterQueue: 'users.commands.dlq',
  death: {
    queue: 'users.commands',
    reason: 'delivery_limit',
    count: 2,
    time: new Date('2026-01-01T21:00:00Z'),
  },
  correlationId: 'c-1',
  headers: { 'x-first-death-reason': 'delivery_limit' },
  body: { type: 'users.rename-user' },
};

describe('formatAge', () => {
  it('answers in the largest whole unit, and - when unknown', () => {
    expect(formatAge(new Date(now.getTime() - 42_000), now)).toBe('42s');
    expect(formatAge(new Date(now.getTime() - 5 * 60_000), now)).toBe('5m');
    expect(formatAge(new Date(now.getTime() - 3 * 3_600_000), now)).toBe('3h');
    expect(formatAge(new Date(now.getTime() - 12 * 86_400_000), now)).toBe('12d');
    expect(formatAge(undefined, now)).toBe('-');
  });
});

describe('formatDeadLetters', () => {
  it('lines up id, type, queue it died in, reason, count and age under a header', () => {
    const poison: DeadLetter = { ...letter, messageId: undefined, type: undefined, death: undefined };
    expect(formatDeadLetters([letter, poison], now)).toEqual([
      'ID                                    TYPE               DIED IN             REASON          COUNT  AGE',
      '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b  users.rename-user  users.commands      delivery_limit  2      3h',
      '-                                     -                  users.commands.dlq  -               -      -',
    ]);
  });
});

describe('formatDeadLetter', () => {
  it('prints properties, headers and body as indented JSON', () => {
    const shown = JSON.parse(formatDeadLetter(letter));
    expect(shown).toMatchObject({
      messageId: letter.messageId,
      deadLetterQueue: 'users.commands.dlq',
      headers: { 'x-first-death-reason': 'delivery_limit' },
      body: { type: 'users.rename-user' },
    });
    expect(formatDeadLetter(letter)).toContain('\n  "headers": {');
  });
});
