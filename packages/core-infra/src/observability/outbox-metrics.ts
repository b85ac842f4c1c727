import { type Kysely, sql } from 'kysely';
import type { PlatformTables } from '../db/platform-tables.js';
import type { Metrics } from './metrics.js';

interface Backlog {
  readonly pending: number;
  readonly oldestAgeSeconds: number;
}

/**
 * Adds the outbox gauges, read on scrape by one query over the unsent rows (the relay's partial index):
 * `contextflow_outbox_pending_messages` and `contextflow_outbox_oldest_pending_age_seconds` (0 when drained).
 */
export function registerOutboxMetrics(metrics: Metrics, db: Kysely<PlatformTables>): void {
  // Both gauges are collected in the same scrape: they share one query in flight.
  let inFlight: Promise<Backlog> | undefined;
  const backlog = (): Promise<Backlog> =>
    (inFlight ??= readBacklog(db).finally(() => {
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

async function readBacklog(db: Kysely<PlatformTables>): Promise<Backlog> {
  const { rows } = await sql<{ pending: string; age: string | null }>`
    select
      (select count(*) from platform.outbox where sent_at is null) as pending,
      (select extract(epoch from now() - created_at) from platform.outbox
        where sent_at is null order by seq limit 1) as age
  `.execute(db);
  const row = rows[0];
  return { pending: Number(row?.pending ?? 0), oldestAgeSeconds: Math.max(0, Number(row?.age ?? 0)) };
}
