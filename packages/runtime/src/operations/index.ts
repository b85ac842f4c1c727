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
