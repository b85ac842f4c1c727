export { type OutboxBacklog, type OutboxStatus, readOutboxStatus } from './outbox-status.js';
export { deadCommandRedriveHook } from './dead-command-redrive.js';
export {
  type PurgeOptions,
  purgeExpired,
  purgeInbox,
  type RetentionResult,
  type RetentionWindows,
} from '../commands/retention.js';
export { RetentionSweeper, type RetentionSweeperOptions } from './retention-sweeper.js';
export {
  type DeadLetter,
  type DeadLetterResult,
  type DeadLetterSelection,
  RabbitMqDeadLetters,
  type RabbitMqDeadLettersOptions,
  type RedriveHook,
  UnknownQueueError,
} from '../rabbitmq/rabbitmq-dead-letters.js';
export {
  cancelScheduledMessage,
  type DueBacklog,
  findProcesses,
  listProcesses,
  listScheduledMessages,
  type ProcessView,
  readDueBacklog,
  type ScheduledMessageView,
} from './scheduling-status.js';
export {
  type ActionOptions,
  type ActionProgress,
  FailureActions,
  type LetterSelection,
  MAX_ACTION_SIZE,
} from '../failures/failure-actions.js';
export {
  type ActionOutcome,
  FailureActionsSource,
  failuresModule,
  PurgeFailuresPayload,
  RetryFailuresPayload,
} from '../failures/failures-module.js';
export { PgFailureReader } from '../failures/pg-failure-reader.js';
export type { DeadLetterStore } from '../messaging/dead-letter-store.js';
export { type CommandStats, readCommandStats } from './command-stats.js';
