import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { SchedulerResult } from '../common/results.js';
import { percentile, sleep } from '../common/stats.js';

const LEAD_MS = 5_000;

/** The largest of ascending `values`, at least 1 ms (a rate over it stays finite). */
const last = (values: readonly number[]): number => Math.max(values.at(-1) ?? 0, 1);

/**
 * Schedules `count` rename commands (one per active user of `userIds`, round robin, each issued by its user:
 * a deactivated user cannot be renamed, and the scale phase deactivates one in 50) all due in the same
 * second, 5 s ahead, in one statement, and waits for the running worker to fire and run them. Measures from
 * the rows: due → handed to the outbox (the command's acceptance by the scheduler) and due → succeeded, and the
 * firing and completion throughput from the due time.
 */
export async function scheduledTimers(
  databaseUrl: string,
  userIds: readonly string[],
  count: number,
  timeoutMs = 300_000,
): Promise<SchedulerResult> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const active = await client.query<{ id: string }>(
      "select id from users.users where id = any($1::uuid[]) and status = 'active' order by id",
      [userIds],
    );
    const activeIds = active.rows.map((row) => row.id);
    if (activeIds.length === 0) throw new Error('scheduler: none of the seeded users is active');
    const commandIds = Array.from({ length: count }, () => randomUUID());
    const users = commandIds.map((_, i) => activeIds[i % activeIds.length] ?? '');
    const { rows } = await client.query<{ due: Date }>(
      `with due as (select date_trunc('second', now()) + make_interval(secs => $3::int / 1000) as at)
       insert into platform.scheduled_messages (key, message_id, kind, message_type, body, due_at)
       select 'bench:timer:' || c, c, 'command', 'users.rename-user',
         jsonb_build_object('type', 'users.rename-user',
           'payload', jsonb_build_object('userId', u, 'name', 'Timer ' || n),
           'meta', jsonb_build_object('commandId', c, 'actor', jsonb_build_object('userId', u, 'roles', '[]'::jsonb),
             'correlationId', c, 'causationId', c, 'issuedAt', now())),
         (select at from due)
       from unnest($1::uuid[], $2::uuid[]) with ordinality as t(c, u, n)
       returning due_at as due`,
      [commandIds, users, LEAD_MS],
    );
    await client.query(`select pg_notify('cf_scheduled', '')`);
    const due = rows[0]?.due ?? new Date();
    const deadline = Date.now() + LEAD_MS + timeoutMs;
    for (;;) {
      const open = await client.query<{ n: string }>(
        `select $2::int - count(*) filter (where status in ('succeeded', 'failed')) as n
         from platform.commands where id = any($1::uuid[])`,
        [commandIds, count],
      );
      if (open.rows[0]?.n === '0') break;
      if (Date.now() > deadline) throw new Error(`${open.rows[0]?.n} timers not done after ${timeoutMs} ms`);
      await sleep(200);
    }
    const done = await client.query<{ fired: string; finished: string; status: string }>(
      `select extract(epoch from created_at - $2::timestamptz) * 1000 as fired,
         extract(epoch from updated_at - $2::timestamptz) * 1000 as finished, status
       from platform.commands where id = any($1::uuid[])`,
      [commandIds, due],
    );
    const fired = done.rows.map((row) => Number(row.fired)).sort((a, b) => a - b);
    const finished = done.rows.map((row) => Number(row.finished)).sort((a, b) => a - b);
    return {
      timers: count,
      failed: done.rows.filter((row) => row.status !== 'succeeded').length,
      early: fired.filter((ms) => ms < 0).length,
      dueToFired: { p50: percentile(fired, 50), p99: percentile(fired, 99) },
      dueToSucceeded: { p50: percentile(finished, 50), p99: percentile(finished, 99) },
      firedPerSecond: (count * 1000) / last(fired),
      succeededPerSecond: (count * 1000) / last(finished),
    };
  } finally {
    await client.end();
  }
}
