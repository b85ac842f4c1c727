import { mkdirSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Account, signUp } from '../test/support/accounts.js';
import { client } from '../test/support/http-client.js';
import { startSystem, type System } from '../test/support/system.js';

const COUNT = Number(process.env.BENCH_SEQUENTIAL_COMMANDS ?? 1000);
let system: System;
let call: ReturnType<typeof client>;
let user: Account;

beforeAll(async () => {
  system = await startSystem();
  call = client(system.baseUrl);
  user = await signUp(call, 'bench@example.com', 'Bench');
}, 120_000);

afterAll(async () => {
  await system?.close();
});

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

it(`measures accept → succeeded latency of ${COUNT} sequential commands`, async () => {
  const roundTrips: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const started = performance.now();
    const reply = await call<{ id: string; status: string }>('PATCH', `/users/${user.userId}`, {
      token: user.accessToken,
      body: { name: `Bench ${i}` },
      headers: { prefer: 'wait=30' },
    });
    roundTrips.push(performance.now() - started);
    expect(reply.body.status).toBe('succeeded');
    ids.push(reply.body.id);
  }
  // Server side: from the command row's creation to its last update (the handler's commit).
  const db = system.db;
  const rows = await sql<{ ms: number }>`
    select extract(epoch from (updated_at - created_at)) * 1000 as ms
    from platform.commands where id = any(${ids}::uuid[])`.execute(db);
  const server = rows.rows.map((r) => Number(r.ms)).sort((a, b) => a - b);
  const client_ = roundTrips.toSorted((a, b) => a - b);
  const result = {
    commands: COUNT,
    clientRoundTripMs: { p50: percentile(client_, 50), p99: percentile(client_, 99), max: client_.at(-1) },
    serverAcceptToSucceededMs: {
      p50: percentile(server, 50),
      p99: percentile(server, 99),
      max: server.at(-1),
    },
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/sequential-commands.json', import.meta.url),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  console.log(
    [
      `sequential commands: ${COUNT} (PATCH /users/{id} with Prefer: wait, real http + worker processes)`,
      `  client round trip (accept → 200 succeeded): p50 ${result.clientRoundTripMs.p50.toFixed(1)} ms, p99 ${result.clientRoundTripMs.p99.toFixed(1)} ms`,
      `  server accept → succeeded (command row):    p50 ${result.serverAcceptToSucceededMs.p50.toFixed(1)} ms, p99 ${result.serverAcceptToSucceededMs.p99.toFixed(1)} ms`,
    ].join('\n'),
  );
  expect(server).toHaveLength(COUNT);
});
