import { isAppError } from '@contextflow/core';
import { type Logger, toProblem } from '@contextflow/core-infra';
import type { DeliveredMessage } from './delivered-message.js';
import { failureEntry, failureProblem, type FailureProblem, unexpectedProblem } from './failure-entry.js';
import type { FailureLog } from './failure-log.js';
import { POISON_OUTCOME } from './message-outcome.js';
import type { WorkQueue } from './topology.js';

/** The last problem of an error: an AppError's own, otherwise its class and message. */
export function lastProblem(error: unknown): FailureProblem {
  return isAppError(error) ? failureProblem(toProblem(error)) : unexpectedProblem(error);
}

/**
 * Records in `failures` (when given) a message about to be dead-lettered from `queue`. Never throws: the
 * failure recorder's copy of the dead letter records it still, without the problem.
 */
export async function recordDeath(
  failures: FailureLog | undefined,
  queue: WorkQueue,
  message: DeliveredMessage,
  reason: 'poison' | 'retries_exhausted',
  last: FailureProblem,
  logger: Logger,
): Promise<void> {
  if (failures === undefined) return;
  try {
    await failures.record(failureEntry(queue.declaration.queue, message, reason, last), 'replace');
  } catch (error) {
    logger.warn({ err: error, messageId: message.messageId }, 'could not record the failure');
  }
}

/**
 * Logs and records a `command` or `event` message that cannot be read (`reason` says why), and settles it the
 * poison way: dead-lettered at once, never retried.
 */
export async function deadLetterPoison(
  what: 'command' | 'event',
  reason: string,
  message: DeliveredMessage,
  queue: WorkQueue,
  failures: FailureLog | undefined,
  logger: Logger,
): Promise<typeof POISON_OUTCOME> {
  logger.error(
    { queue: queue.declaration.queue, messageId: message.messageId, reason },
    `poison ${what} dead-lettered`,
  );
  const detail = `The message cannot be read: ${reason}.`;
  const problem = { code: 'messages.poison', title: 'Poison message', detail };
  await recordDeath(failures, queue, message, 'poison', problem, logger);
  return POISON_OUTCOME;
}
