import { Metrics, type ReadinessCheck } from '@contextflow/core-infra';
import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import type { MigrationSet } from '../database/migrate.js';
import type { PoolStats } from '../database/runtime-database.js';
import type { MessageTransport } from '../messaging/message-transport.js';
import type { Topology } from '../messaging/topology.js';
import { databaseReadiness } from '../operations/database-readiness.js';
import { registerDeadLetterMetrics } from '../operations/dead-letter-metrics.js';
import { registerOutboxMetrics } from '../operations/outbox-metrics.js';
import { registerPoolMetrics } from '../operations/pool-metrics.js';
import { registerSchedulingMetrics } from '../operations/scheduling-metrics.js';
import { brokerReadiness, migrationsReadiness, ShutdownReadiness } from '../operations/readiness-checks.js';

/** What a runtime reports about itself: metrics, readiness and the shutdown switch. */
export interface RuntimeObservability {
  readonly metrics: Metrics;
  readonly shutdown: ShutdownReadiness;
  readinessChecks(options?: { readonly broker?: boolean }): ReadinessCheck[];
}

/**
 * Builds the metrics of a runtime (the outbox backlog, due scheduled messages, running processes, dead letters of every work queue, the pool) and its
 * readiness checks. The transport is read lazily: it exists only once the worker or the relay started.
 */
export function observeRuntime(setup: {
  readonly metrics?: Metrics | undefined;
  readonly db: Kysely<PlatformTables>;
  readonly pool?: PoolStats | undefined;
  readonly topology: Topology;
  readonly migrations: readonly MigrationSet[];
  readonly transport: () => MessageTransport | undefined;
}): RuntimeObservability {
  const metrics = setup.metrics ?? new Metrics();
  const { db, topology, transport } = setup;
  registerOutboxMetrics(metrics, db);
  registerSchedulingMetrics(metrics, db);
  if (setup.pool !== undefined) registerPoolMetrics(metrics, setup.pool);
  const workQueues = [...topology.commandQueues.values(), ...topology.eventQueues.values()];
  registerDeadLetterMetrics(
    metrics,
    transport,
    workQueues.map((queue) => queue.deadLetterQueue),
  );
  const shutdown = new ShutdownReadiness();
  const database = databaseReadiness(db);
  const migrations = migrationsReadiness(db, setup.migrations);
  const broker = brokerReadiness(transport);
  return {
    metrics,
    shutdown,
    readinessChecks: (options = {}) => [
      database,
      migrations,
      ...(options.broker === true ? [broker] : []),
      shutdown,
    ],
  };
}
