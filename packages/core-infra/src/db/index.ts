export { AfterUnitOfWork } from './after-unit-of-work.js';
export { Db } from './db.js';
export { isUniqueViolation } from './is-unique-violation.js';
export {
  type ListenOptions,
  type NotificationHandler,
  NotificationListener,
  type Unlisten,
} from './notification-listener.js';
export { notify } from './notify.js';
export { OutboxWriter } from './outbox-writer.js';
export { PLAN_EACH_CALL, planEachCall } from './plan-each-call.js';
export { platformMigrations } from './platform-migrations.js';
export {
  CHANNELS,
  type CommandProgressTable,
  type CommandsTable,
  type FailureStatus,
  type FailuresTable,
  type InboxTable,
  type OutboxTable,
  type PlatformTables,
  type ProcessesTable,
  type ScheduledMessagesTable,
} from './platform-tables.js';
export {
  type PreparedQuery,
  type PreparedQueryRunner,
  preparedQuery,
  runPreparedQueriesOn,
} from './prepared-query.js';
export { isUtcTimestamptzText, timestamptzIso } from './timestamptz-iso.js';
