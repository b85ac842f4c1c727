export {
  type CommandRecord,
  type CommandStatus,
  CommandStatusReader,
  isTerminal,
} from '../commands/command-record.js';
export { CommandDispatcher, type CommandDispatcherOptions } from './command-dispatcher.js';
export { DatabaseGate, type DatabaseGateOptions } from './database-gate.js';
export { deadCommandRedriveHook } from './dead-command-redrive.js';
export {
  type DeadLetter,
  type DeadLetterResult,
  type DeadLetterSelection,
  RabbitMqDeadLetters,
  type RabbitMqDeadLettersOptions,
  type RedriveHook,
  UnknownQueueError,
} from './dead-letter-queues.js';
export { type DeathRecord, deathOf, isDeathHeader, redriveHeaders } from './dead-letter-death.js';
export {
  DEAD_LETTERED,
  deadCommandId,
  deadLetteredProblem,
  DeadLetterReconciler,
  type DeadLetterReconcilerOptions,
} from './dead-letter-reconciler.js';
export type { DeliveredMessage } from './delivered-message.js';
export { EventDispatcher, type EventDispatcherOptions } from './event-dispatcher.js';
export { isDatabaseUnavailable } from './is-database-unavailable.js';
export { type MessageOutcome, OUTCOME_BY_KIND, outcomeOf, POISON_OUTCOME } from './message-outcome.js';
export { parseCommand, parseEvent, type Parsed } from './message-parsers.js';
export {
  type DrainResult,
  type OutboxPublisher,
  OutboxRelay,
  type OutboxRelayOptions,
} from './outbox-relay.js';
export type {
  ConsumeOptions,
  DeliveryHandler,
  MessageTransport,
  OutgoingMessage,
  Settlement,
  Subscription,
} from './message-transport.js';
export { InProcessTransport } from '../embedded/in-process-transport.js';
export { RabbitMqTransport, type RabbitMqTransportOptions } from './rabbitmq-transport.js';
export {
  ATTEMPT_HEADER,
  DEFAULT_RETRY_POLICY,
  DELIVERY_LIMIT,
  type RetryPolicy,
  retryDelayMs,
} from './retry-policy.js';
export { attemptOf, RetryScheduler } from './retry-scheduler.js';
export {
  buildTopology,
  type ExchangeDeclaration,
  type QueueBinding,
  type QueueDeclaration,
  type Topology,
  type TopologyOptions,
  type WorkQueue,
} from './topology.js';
export { type TopologyNames, topologyNames } from './topology-names.js';
