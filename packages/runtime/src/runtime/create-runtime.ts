// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { Clock } from '@contextflow/core';
import { type ContextModule, FailureReader, installTracer, Logger, Metrics } from '@contextflow/core-infra';
import { container as rootContainer } from 'tsyringe';
import { registerPlatform } from '../buses/register-platform.js';
import { migrateAll, type MigrationSet } from '../database/migrate.js';
import type { MessageTransport, Subscription } from '../messaging/message-transport.js';
import { OutboxRelay } from '../messaging/outbox-relay.js';
import { buildTopology } from '../messaging/topology.js';
import { FailureActions } from '../failures/failure-actions.js';
import { FailureActionsSource } from '../failures/failures-module.js';
import { PgFailureReader } from '../failures/pg-failure-reader.js';
import { RetentionSweeper } from '../operations/retention-sweeper.js';
import { Scheduler } from '../scheduling/scheduler.js';
import { withDeadline } from '../timing/with-deadline.js';
import { handBackWaiting } from './hand-back-waiting.js';
import { observeRuntime } from './runtime-observability.js';
import type { Runtime, RuntimeMode, RuntimeOptions, WorkerOptions } from './runtime.js';
import { startConsumers } from './start-consumers.js';

/**
 * Builds what the apps run on: the database the factory opens and its notification listener, a child
 * container with the platform (buses, stores, ledger, inbox, outbox writer) and every module registered; the
 * migrations are applied first when asked (or when the database says so by default). The transport is made
 * only by `startWorker` and `startRelay`, so an app that never starts them (the HTTP app) needs none. Nothing
 * here depends on which database or transport it is: what differs is what their objects say and do.
 */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { logger, modules } = options;
  const database = await options.database.open({ logger });
  const { db, notifications } = database;
  const container = rootContainer.createChildContainer();
  container.register(Logger, { useValue: logger });
  if (options.clock !== undefined) container.register(Clock, { useValue: options.clock });
  registerPlatform(container, { db, notifications, modules });
  for (const module of modules) module.register(container);
  const topology = buildTopology(modules, {
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  });
  container.register(FailureReader, { useValue: container.resolve(PgFailureReader) });
  container.register(FailureActionsSource, {
    useValue: {
      open: () => {
        const store = options.transport?.openDeadLetters?.({ topology, logger });
        return store === undefined ? undefined : new FailureActions(db, store, topology);
      },
    },
  });
  const migrate = () => migrateAll(db, migrationSets(modules), logger);
  if (options.migrate ?? database.migrateByDefault) {
    try {
      await migrate();
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  // The OpenTelemetry SDK costs start-up time and memory: it is loaded only when spans are exported.
  const tracing =
    options.tracing === undefined
      ? undefined
      : (await import('../telemetry/otlp-tracing.js')).createOtlpTracing(options.tracing);
  const uninstallTracer = tracing === undefined ? undefined : installTracer(tracing.tracer);
  const mode: RuntimeMode = {
    database: options.database.kind,
    dataDir: database.dataDir,
    messaging: options.transport?.kind ?? 'none',
  };

  let transport: MessageTransport | undefined;
  const observability = observeRuntime({
    metrics: options.metrics,
    db,
    pool: database.pool,
    topology,
    migrations: migrationSets(modules),
    transport: () => transport,
  });
  const { metrics } = observability;
  container.register(Metrics, { useValue: metrics });
  let declared: Promise<void> | undefined;
  let relay: OutboxRelay | undefined;
  let scheduler: Scheduler | undefined;
  let sweeper: RetentionSweeper | undefined;
  const subscriptions: Subscription[] = [];
  let stopping: Promise<void> | undefined;

  const messaging = async (): Promise<MessageTransport> => {
    if (options.transport === undefined)
      throw new Error(
        'this runtime has no transport: pass one to createRuntime to start a worker or a relay',
      );
    transport ??= options.transport.create({ logger });
    const chosen = transport;
    // A failed declaration (broker down at start) is not remembered: the next start tries again.
    declared ??= chosen.declare(topology).catch((error: unknown) => {
      declared = undefined;
      throw error;
    });
    await declared;
    return chosen;
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
      metrics,
      concurrency,
      prefetch,
    });
    subscriptions.push(...started);
    logger.info({ contexts: names, consumers: started.length, concurrency, prefetch }, 'consumers started');
    if (worker.retention !== undefined && sweeper === undefined) {
      const { intervalMs, ...windows } = worker.retention;
      sweeper = new RetentionSweeper({
        db,
        logger,
        windows,
        ...(intervalMs === undefined ? {} : { intervalMs }),
      });
      sweeper.start();
    }
  };

  const newScheduler = (): Scheduler =>
    new Scheduler({
      db,
      clock: container.resolve<Clock>(Clock),
      logger,
      notifications,
      ...(options.scheduler?.batchSize === undefined ? {} : { batchSize: options.scheduler.batchSize }),
    });

  const startRelay = async (): Promise<void> => {
    if (relay !== undefined) return;
    const publisher = await messaging();
    // What a process-scoped transport carries reaches only this process's consumers; with none it would strand.
    if (publisher.scope === 'process' && subscriptions.length === 0)
      throw new Error(
        `${mode.messaging} messaging reaches this process's consumers only: call startWorker first`,
      );
    relay = new OutboxRelay({
      db,
      publisher,
      names: topology.names,
      logger,
      notifications,
      ...(options.relay?.batchSize === undefined ? {} : { batchSize: options.relay.batchSize }),
      ...(options.relay?.idleMs === undefined ? {} : { idleMs: options.relay.idleMs }),
    });
    await relay.start();
    logger.info('outbox relay started');
    // Due scheduled messages go to the outbox wherever it is relayed from.
    scheduler = newScheduler();
    await scheduler.start();
    logger.info('scheduler started');
  };

  const shutdown = async (deadlineMs: number): Promise<void> => {
    observability.shutdown.begin();
    // Consumers first, the relay after: what the last in-flight handlers wrote to the outbox is published
    // before the connections close, rather than waiting for the next worker to start. Messages only this
    // process could read stay in the outbox for the next start.
    const local = transport?.scope === 'process';
    const graceful = Promise.allSettled([
      ...subscriptions.splice(0).map((subscription) => subscription.close()),
      scheduler?.stop(),
    ])
      .then(async (results) => [
        ...results,
        ...(await Promise.allSettled([local ? relay?.stop() : flushRelay(relay), sweeper?.stop()])),
      ])
      .then((results) => {
        for (const result of results) {
          if (result.status === 'rejected')
            logger.warn({ err: result.reason }, 'a consumer or the relay did not stop cleanly');
        }
      });
    if (!(await withDeadline(graceful, deadlineMs))) {
      logger.warn({ deadlineMs }, 'in-flight work did not finish before the deadline; closing anyway');
    }
    if (transport !== undefined) {
      try {
        await handBackWaiting(db, transport, topology, logger);
      } catch (error) {
        logger.error({ err: error }, 'could not return the messages not yet handled to the outbox');
      }
    }
    if (transport !== undefined && !(await withDeadline(transport.close(), 5_000))) {
      logger.warn('the broker connection did not close in time');
    }
    if (!(await withDeadline(database.close(), 5_000))) logger.warn('the database did not close in time');
    if (tracing !== undefined) {
      // The spans of the last work leave before the process does.
      if (!(await withDeadline(tracing.shutdown(), 5_000)))
        logger.warn('the span exporter did not flush in time');
      uninstallTracer?.();
    }
  };

  return {
    container,
    db,
    topology,
    mode,
    migrate,
    startWorker,
    startRelay,
    fireDue: () => (scheduler ?? newScheduler()).fireDue(),
    metrics,
    readinessChecks: (checks) => observability.readinessChecks(checks),
    beginShutdown: () => observability.shutdown.begin(),
    stop: (stopOptions = {}) => {
      stopping ??= shutdown(stopOptions.deadlineMs ?? 25_000);
      return stopping;
    },
  };
}

/** Stops the relay's loop, then publishes what is still unsent (until a pass finds nothing or fails). */
async function flushRelay(relay: OutboxRelay | undefined): Promise<void> {
  if (relay === undefined) return;
  await relay.stop();
  for (;;) {
    const pass = await relay.drainOnce();
    if (pass.claimed === 0 || pass.failed > 0) return;
  }
}

const migrationSets = (modules: readonly ContextModule[]): MigrationSet[] =>
  modules.map((module) => ({ schema: module.name, migrations: module.migrations }));
