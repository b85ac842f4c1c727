import { Client } from 'pg';
import type { CompletionResult } from '../common/results.js';
import { percentile, sleep } from '../common/stats.js';

/**
 * Waits until every command accepted since `since` is finished, then measures them from their rows:
 * commands per second from the first accept (or from `from`, for a backlog) to the last finish, and
 * accept → finish latency percentiles.
 */
export async function commandCompletion(
  databaseUrl: string,
  since: Date,
  from?: Date,
  timeoutMs = 300_000,
): Promise<CompletionResult & { failed: number }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const open = await client.query<{ n: string }>(
        "select count(*) as n from platform.commands where created_at >= $1 and status in ('pending', 'processing')",
        [since],
      );
      if (open.rows[0]?.n === '0') break;
      if (Date.now() > deadline)
        throw new Error(`${open.rows[0]?.n} commands still open after ${timeoutMs} ms`);
      await sleep(200);
    }
    const rows = await client.query<{ ms: string; status: string; created: Date; updated: Date }>(
      `select extract(epoch from (updated_at - created_at)) * 1000 as ms, status, created_at as created, updated_at as updated
       from platform.commands where created_at >= $1`,
      [since],
    );
    const latencies = rows.rows.map((row) => Number(row.ms)).sort((a, b) => a - b);
    const first = from?.getTime() ?? Math.min(...rows.rows.map((row) => row.created.getTime()));
    const last = Math.max(...rows.rows.map((row) => row.updated.getTime()));
    const seconds = (last - first) / 1000;
    return {
      count: rows.rows.length,
      seconds,
      perSecond: rows.rows.length / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      failed: rows.rows.filter((row) => row.status !== 'succeeded').length,
    };
  } finally {
    await client.end();
  }
}
