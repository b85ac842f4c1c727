import { type ErrorKind, isAppError } from '@contextflow/core';

/**
 * What happens to a message whose handler threw: `ack` (the answer is final: the command is marked failed,
 * an event reaction is logged and dropped), `retry` (a passing fault: try again after a delay, dead-letter
 * after the last attempt) or `dead-letter` (the message itself is unusable).
 */
export type MessageOutcome = 'ack' | 'retry' | 'dead-letter';

/**
 * The one table from error kind to message outcome. It agrees with `isFinal` from core: every final kind is
 * acked, `unavailable`, `internal` and `concurrency` are retried. Errors that are not AppErrors are retried too.
 */
export const OUTCOME_BY_KIND: Readonly<Record<ErrorKind, MessageOutcome>> = Object.freeze({
  invalid: 'ack',
  not_found: 'ack',
  conflict: 'ack',
  concurrency: 'retry',
  unauthorized: 'ack',
  forbidden: 'ack',
  rate_limited: 'ack',
  unavailable: 'retry',
  internal: 'retry',
});

/** The outcome of a message whose handler threw `error`. */
export function outcomeOf(error: unknown): MessageOutcome {
  return isAppError(error) ? (OUTCOME_BY_KIND[error.kind] ?? 'retry') : 'retry';
}

/** The outcome of a message that cannot be read (not JSON, unknown type, missing id): dead-letter at once. */
export const POISON_OUTCOME = 'dead-letter' satisfies MessageOutcome;
