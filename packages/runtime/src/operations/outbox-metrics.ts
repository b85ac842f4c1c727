import type { Metrics } from '@contextflow/core-infra';
import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import { type OutboxStatus, readOutboxStatus } from './outbox-status.js';

/**
 * Adds the outbox gauges, read on scrape by one query over the unsent rows (the relay's partial index):
 * `contextflow_outbox_pending_messages` and `contextflow_outbox_oldest_pending_age_seconds` (0 when drained).
 */
export function registerOutboxMetrics(metrics: Metrics, db: Kysely<PlatformTables>): void {
  // Both gauges are collected in the same scrape: they share one query in flight.
  let inFlight: Promise<OutboxStatus> | undefined;
  const backlog = (): Promise<OutboxStatus> =>
    (inFlight ??= readOutboxStatus(db).finally(() => {
      inFlight = undefined;
    }));
  metrics.gauge(
    { name: 'contextflow_outbox_pending_messages', help: 'Outbox messages not yet published.' },
    async (gauge) => gauge.set((await backlog()).pending),
  );
  metrics.gauge(
    {
      name: 'contextflow_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest unpublished outbox message (0 when the outbox is drained).',
    },
    async (gauge) => gauge.set((await backlog()).oldestAgeSeconds),
  );
}
