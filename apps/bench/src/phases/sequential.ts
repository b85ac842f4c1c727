import { Client } from 'pg';
import { percentile } from '../stats.js';

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
): Promise<{ commands: number; client: { p50: number; p99: number }; server: { p50: number; p99: number } }> {
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
    const rows = await client.query<{ ms: string }>(
      'select extract(epoch from (updated_at - created_at)) * 1000 as ms from platform.commands where id = any($1::uuid[])',
      [ids],
    );
    const server = rows.rows.map((row) => Number(row.ms)).sort((a, b) => a - b);
    const clientSide = roundTrips.sort((a, b) => a - b);
    return {
      commands: count,
      client: { p50: percentile(clientSide, 50), p99: percentile(clientSide, 99) },
      server: { p50: percentile(server, 50), p99: percentile(server, 99) },
    };
  } finally {
    await client.end();
  }
}
