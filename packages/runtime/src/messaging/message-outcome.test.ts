import { AppError, type ErrorKind, isFinal } from '@contextflow/core';
import { describe, expect, it } from 'vitest';
import { OUTCOME_BY_KIND, outcomeOf } from './message-outcome.js';

describe('outcomeOf', () => {
  it('acks exactly the kinds core calls final and retries the others', () => {
    for (const [kind, outcome] of Object.entries(OUTCOME_BY_KIND)) {
      expect(outcome).toBe(isFinal(kind as ErrorKind) ? 'ack' : 'retry');
    }
  });

  it('acks a rule violation', () => {
    expect(outcomeOf(AppError.conflict('users.email_taken', 'taken'))).toBe('ack');
  });

  it('retries an unavailable dependency', () => {
    expect(outcomeOf(new AppError('unavailable', 'db.down', 'down'))).toBe('retry');
  });

  it('retries an error that is not an AppError', () => {
    expect(outcomeOf(new Error('connection reset'))).toBe('retry');
  });
});
