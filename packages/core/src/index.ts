export { AggregateRoot, type Unrecorded } from './aggregate-root.js';
export { Clock, SystemClock } from './clock.js';
export { type AcceptedCommand, CommandBus, type SendOptions } from './command-bus.js';
export { DisplayName } from './display-name.js';
export { type DomainEvent, eventRoutingKey } from './domain-event.js';
export {
  AppError,
  type AppErrorOptions,
  type ErrorKind,
  type FieldIssue,
  isAppError,
  isFinal,
} from './errors.js';
export { MessageScheduler, type ScheduleTime } from './message-scheduler.js';
export type { ProcessContext, ProcessManager, ProcessTimeoutPayload } from './process-manager.js';
export { IdGenerator, UUID_PATTERN, UuidV7Generator } from './id-generator.js';
export { isoString, isoStringAt } from './iso-string.js';
export type {
  Command,
  CommandHandler,
  CommandMetadata,
  EventHandler,
  Query,
  QueryHandler,
} from './messages.js';
export { jsonPointer } from './json-pointer.js';
export { PAGE_LIMITS, type Page, type PageRequest } from './page.js';
export { isAdmin, isSelfOrAdmin, type Principal, ROLES, type Role, SYSTEM_PRINCIPAL } from './principal.js';
export { QueryBus } from './query-bus.js';
export { isStorableText, UNSTORABLE_TEXT_MESSAGE, unstorableTextIssues } from './storable-text.js';
export { type Token, token } from './token.js';
