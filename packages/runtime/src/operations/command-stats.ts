import type { CommandStatus } from '@contextflow/core-infra';
import type { PlatformTables } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';

/** Commands accepted over a recent window: how many stand in each status, and accept → done latency. */
export interface CommandStats {
  readonly windowMinutes: number;
  readonly byStatus: Readonly<Record<CommandStatus, number>>;
  /** Accept → done of the commands that finished in the window, in milliseconds (`null` when none did). */
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
}

// pg returns a double precision as a number; `null` when no command finished.
const roundedMs = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Math.round(value);

/** Reads {@link CommandStats} for the commands accepted in the last `windowMinutes` (60). */
export async function readCommandStats(
  db: Kysely<PlatformTables>,
  windowMinutes = 60,
): Promise<CommandStats> {
  const since = sql`now() - make_interval(mins => ${windowMinutes})`;
  const [counts, latency] = await Promise.all([
    sql<{ status: CommandStatus; n: string }>`
      select status, count(*) as n from platform.commands where created_at >= ${since} group by status
    `.execute(db),
    sql<{ p50: number | null; p99: number | null }>`
      select
        percentile_cont(0.5) within group (order by extract(epoch from updated_at - created_at)) * 1000 as p50,
        percentile_cont(0.99) within group (order by extract(epoch from updated_at - created_at)) * 1000 as p99
      from platform.commands
      where created_at >= ${since} and status in ('succeeded', 'failed')
    `.execute(db),
  ]);
  const byStatus: Record<CommandStatus, number> = { pending: 0, processing: 0, succeeded: 0, failed: 0 };
  for (const row of counts.rows) byStatus[row.status] = Number(row.n);
  const [row] = latency.rows;
  return { windowMinutes, byStatus, p50Ms: roundedMs(row?.p50), p99Ms: roundedMs(row?.p99) };
}
