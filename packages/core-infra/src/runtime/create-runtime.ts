// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { container as rootContainer } from 'tsyringe';
import { registerPlatform } from '../buses/register-platform.js';
import { createDatabase } from '../db/create-database.js';
import { type MigrationSet, migrateAll } from '../db/migrate.js';
import { PgNotificationListener } from '../db/pg-notification-listener.js';
import { Logger } from '../logger.js';
import type { ContextModule } from '../module.js';
import { OutboxRelay } from '../messaging/outbox-relay.js';
import { RabbitMqTransport, type Subscription } from '../messaging/rabbitmq-transport.js';
import { buildTopology } from '../messaging/topology.js';
import type { Runtime, RuntimeOptions, WorkerOptions } from './runtime.js';
import { startConsumers } from './start-consumers.js';
import { withDeadline } from './with-deadline.js';

/**
 * Builds what both apps run on: the database pool, the notification listener, a child container with the
 * platform (buses, stores, ledger, inbox, outbox writer) and every module registered. The broker is touched
 * only by `startWorker` and `startRelay`, so the HTTP app needs no `amqpUrl`.
 */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { logger, modules } = options;
  const db = createDatabase({
    url: options.databaseUrl,
    poolSize: options.poolSize ?? 10,
    applicationName: 'contextflow',
    logger,
  });
  const notifications = new PgNotificationListener({
    url: options.databaseUrl,
    applicationName: 'contextflow-listener',
    logger,
  });
  const container = rootContainer.createChildContainer();
  container.register(Logger, { useValue: logger });
  registerPlatform(container, { db, notifications, modules });
  for (const module of modules) module.register(container);
  const topology = buildTopology(modules, {
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  });

  let transport: RabbitMqTransport | undefined;
  let declared: Promise<void> | undefined;
  let relay: OutboxRelay | undefined;
  const subscriptions: Subscription[] = [];
  let stopping: Promise<void> | undefined;

  const messaging = async (): Promise<RabbitMqTransport> => {
    if (options.amqpUrl === undefined)
      throw new Error('AMQP_URL is required to run consumers or the outbox relay');
    transport ??= new RabbitMqTransport({
      url: options.amqpUrl,
      logger,
      connectionName: 'contextflow-worker',
      ...(options.publishTimeoutMs === undefined ? {} : { publishTimeoutMs: options.publishTimeoutMs }),
    });
    // A failed declaration (broker down at start) is not remembered: the next start tries again.
    declared ??= transport.declare(topology).catch((error: unknown) => {
      declared = undefined;
      throw error;
    });
    await declared;
    return transport;
  };

  const startWorker = async (worker: WorkerOptions = {}): Promise<void> => {
    const names = worker.contexts ?? modules.map((module) => module.name);
    const unknown = names.filter((name) => !modules.some((module) => module.name === name));
    if (unknown.length > 0) throw new Error(`unknown context(s): ${unknown.join(', ')}`);
    const concurrency = Math.max(1, worker.concurrency ?? 10);
    const prefetch = Math.max(concurrency, worker.prefetch ?? concurrency * 2);
    const selected = modules.filter((module) => names.includes(module.name));
    const started = startConsumers({
      container,
      db,
      transport: await messaging(),
      topology,
      modules: selected,
      logger,
      concurrency,
      prefetch,
    });
    subscriptions.push(...started);
    logger.info({ contexts: names, consumers: started.length, concurrency, prefetch }, 'consumers started');
  };

  const startRelay = async (): Promise<void> => {
    if (relay !== undefined) return;
    relay = new OutboxRelay({
      db,
      publisher: await messaging(),
      names: topology.names,
      logger,
      notifications,
      ...(options.relay?.batchSize === undefined ? {} : { batchSize: options.relay.batchSize }),
      ...(options.relay?.idleMs === undefined ? {} : { idleMs: options.relay.idleMs }),
    });
    await relay.start();
    logger.info('outbox relay started');
  };

  const shutdown = async (deadlineMs: number): Promise<void> => {
    const graceful = Promise.allSettled([
      ...subscriptions.splice(0).map((subscription) => subscription.close()),
      relay?.stop(),
    ]).then((results) => {
      for (const result of results) {
        if (result.status === 'rejected')
          logger.warn({ err: result.reason }, 'a consumer or the relay did not stop cleanly');
      }
    });
    if (!(await withDeadline(graceful, deadlineMs))) {
      logger.warn({ deadlineMs }, 'in-flight work did not finish before the deadline; closing anyway');
    }
    if (transport !== undefined && !(await withDeadline(transport.close(), 5_000))) {
      logger.warn('the broker connection did not close in time');
    }
    await notifications.close();
    await db.destroy();
  };

  return {
    container,
    db,
    topology,
    migrate: () => migrateAll(db, migrationSets(modules), logger),
    startWorker,
    startRelay,
    stop: (stopOptions = {}) => {
      stopping ??= shutdown(stopOptions.deadlineMs ?? 25_000);
      return stopping;
    },
  };
}

const migrationSets = (modules: readonly ContextModule[]): MigrationSet[] =>
  modules.map((module) => ({ schema: module.name, migrations: module.migrations }));
