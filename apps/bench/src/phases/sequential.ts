import { Client } from 'pg';
import type { Percentiles, SequentialResult } from '../common/results.js';
import { percentile } from '../common/stats.js';

const spread = (values: number[]): Percentiles => {
  const sorted = values.toSorted((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
};

/**
 * Sends `count` commands one after another (`PATCH /users/{id}` with `Prefer: wait=30`, so each answer comes
 * once the worker finished it): the client round trip, and accept → succeeded from the command rows.
 */
export async function sequentialCommands(
  baseUrl: string,
  token: string,
  userId: string,
  count: number,
  databaseUrl: string,
): Promise<SequentialResult> {
  const roundTrips: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const reply = await fetch(`${baseUrl}/users/${userId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', prefer: 'wait=30' },
      body: JSON.stringify({ name: `Sequential ${i}` }),
    });
    const body = (await reply.json()) as { id?: string; status?: string };
    roundTrips.push(performance.now() - started);
    if (reply.status !== 200 || body.status !== 'succeeded' || body.id === undefined) {
      throw new Error(`sequential command ${i}: ${reply.status} ${JSON.stringify(body)}`);
    }
    ids.push(body.id);
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ total: string; relay: string; rest: string }>(
      `select extract(epoch from (c.updated_at - c.created_at)) * 1000 as total,
              extract(epoch from (o.sent_at - c.created_at)) * 1000 as relay,
              extract(epoch from (c.updated_at - o.sent_at)) * 1000 as rest
       from platform.commands c join platform.outbox o on o.message_id = c.id
       where c.id = any($1::uuid[])`,
      [ids],
    );
    return {
      commands: count,
      client: spread(roundTrips),
      server: spread(rows.rows.map((row) => Number(row.total))),
      stages: {
        acceptToRelay: spread(rows.rows.map((row) => Number(row.relay))),
        relayToSucceeded: spread(rows.rows.map((row) => Number(row.rest))),
      },
    };
  } finally {
    await client.end();
  }
}
