import type { Metrics } from '@contextflow/core-infra';
import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import { countRunningProcesses, type DueBacklog, readDueBacklog } from './scheduling-status.js';

/**
 * Adds the scheduler and process gauges, read on scrape: `contextflow_scheduled_due_messages` (due, not yet
 * handed to the outbox), `contextflow_scheduled_oldest_due_lag_seconds` (0 when none is due) and
 * `contextflow_processes_running` by process.
 */
export function registerSchedulingMetrics(metrics: Metrics, db: Kysely<PlatformTables>): void {
  let inFlight: Promise<DueBacklog> | undefined;
  const backlog = (): Promise<DueBacklog> =>
    (inFlight ??= readDueBacklog(db).finally(() => {
      inFlight = undefined;
    }));
  metrics.gauge(
    {
      name: 'contextflow_scheduled_due_messages',
      help: 'Scheduled messages due and not yet handed to the outbox.',
    },
    async (gauge) => gauge.set((await backlog()).due),
  );
  metrics.gauge(
    {
      name: 'contextflow_scheduled_oldest_due_lag_seconds',
      help: 'How late the oldest due scheduled message is (0 when none is due).',
    },
    async (gauge) => gauge.set((await backlog()).oldestLagSeconds),
  );
  metrics.gauge(
    {
      name: 'contextflow_processes_running',
      help: 'Process instances running, by process.',
      labelNames: ['process'],
    },
    async (gauge) => {
      const counts = await countRunningProcesses(db);
      gauge.reset();
      for (const { process, running } of counts) gauge.set({ process }, running);
    },
  );
}
