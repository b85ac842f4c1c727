export { runInUnitOfWork, type UnitOfWorkOptions } from './buses/run-in-unit-of-work.js';
export { ChannelSubscriptions } from './database/channel-subscriptions.js';
export { createDatabase, type DatabaseOptions } from './database/create-database.js';
export { type MigrationSet, migrateAll, PLATFORM_MIGRATIONS, pendingMigrations } from './database/migrate.js';
export {
  PgNotificationListener,
  type PgNotificationListenerOptions,
} from './database/pg-notification-listener.js';
export { type PostgresDatabaseOptions, postgresDatabase } from './database/postgres-database.js';
export type { DatabaseFactory, PoolStats, RuntimeDatabase } from './database/runtime-database.js';
export type { TransportFactory } from './messaging/transport-factory.js';
export {
  type OperationsServer,
  type OperationsServerOptions,
  serveOperations,
} from './operations/operations-server.js';
export {
  type RabbitMqTransportFactoryOptions,
  rabbitMqTransport,
} from './rabbitmq/rabbitmq-transport-factory.js';
export { createRuntime } from './runtime/create-runtime.js';
export type { Runtime, RuntimeMode, RuntimeOptions, WorkerOptions } from './runtime/runtime.js';
export { type Shutdown, type StopOnSignalsOptions, stopOnSignals } from './runtime/stop-on-signals.js';
// Types only: the OpenTelemetry SDK is loaded when a runtime is created with `tracing`, not with this package.
export type { OtlpTracing, OtlpTracingOptions } from './telemetry/otlp-tracing.js';
