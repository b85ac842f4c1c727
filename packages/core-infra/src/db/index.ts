export { CommandLedger, type BeginResult } from '../commands/command-ledger.js';
export { CommandNotifications, type CommandWake } from '../commands/command-notifications.js';
export { Inbox } from '../commands/inbox.js';
export {
  type CommandRecord,
  type CommandStatus,
  CommandStatusReader,
  isTerminal,
} from '../commands/command-record.js';
export { MessageContext, messageHeaders } from '../commands/message-context.js';
export { OutboxWriter } from '../commands/outbox-writer.js';
export { PgCommandStatusReader } from '../commands/pg-command-status-reader.js';
export { type AcceptOptions, PgCommandStore } from '../commands/pg-command-store.js';
export { BufferedOutboxWriter, PgOutboxWriter } from '../commands/pg-outbox-writer.js';
export { requestHash } from '../commands/request-hash.js';
export { callerOf } from '../commands/caller-of.js';
export { commandHandlers, type HandlerRegistry, queryHandlers } from '../buses/handler-registry.js';
export { type PlatformRegistration, registerPlatform } from '../buses/register-platform.js';
export { RegistryQueryBus } from '../buses/registry-query-bus.js';
export { runInUnitOfWork, type UnitOfWorkOptions } from '../buses/run-in-unit-of-work.js';
export { TransactionalCommandBus } from '../buses/transactional-command-bus.js';
export {
  type OutboxBacklog,
  type OutboxStatus,
  readOutboxStatus,
} from '../commands/outbox-status.js';
export { DEAD_COMMAND_CODES, reopenDeadCommand } from '../commands/reopen-dead-command.js';
export {
  type PurgeOptions,
  purgeExpired,
  purgeInbox,
  type RetentionResult,
  type RetentionWindows,
} from '../commands/retention.js';
export { RetentionSweeper, type RetentionSweeperOptions } from '../commands/retention-sweeper.js';
export { createDatabase, type DatabaseOptions } from './create-database.js';
export { Db } from './db.js';
export { isUniqueViolation } from './is-unique-violation.js';
export { type MigrationSet, migrateAll, PLATFORM_MIGRATIONS, pendingMigrations } from './migrate.js';
export {
  type ListenOptions,
  type NotificationHandler,
  NotificationListener,
  type Unlisten,
} from './notification-listener.js';
export { notify } from './notify.js';
export { PgNotificationListener, type PgNotificationListenerOptions } from './pg-notification-listener.js';
export { platformMigrations } from './platform-migrations.js';
export { type PreparedQuery, preparedQuery } from './prepared-query.js';
export {
  CHANNELS,
  type CommandsTable,
  type InboxTable,
  type OutboxTable,
  type PlatformTables,
} from './platform-tables.js';
