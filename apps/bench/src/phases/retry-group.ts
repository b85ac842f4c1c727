import { createLogger } from '@contextflow/core-infra';
import { buildTopology, RabbitMqTransport } from '@contextflow/runtime/messaging';
import { Client } from 'pg';
import { sleep } from '../common/stats.js';
import { BENCH_MODULES } from '../common/bench-modules.js';

/** What retrying a group of failures at a set rate achieved, and whether any message had two effects. */
export interface RetryGroupResult {
  readonly failures: number;
  /** Extra copies of messages already in the group (the same message id dead-lettered twice). */
  readonly duplicateCopies: number;
  /** Messages a second asked for; 0: no limit. */
  readonly askedRate: number;
  /** Messages sent back per second, from the first redrive to the last. */
  readonly achievedRate: number;
  readonly seconds: number;
  readonly succeeded: number;
  /** Renamed events the commands recorded, and the commands that recorded them: equal when none ran twice. */
  readonly events: number;
  readonly commandsWithEvents: number;
}

interface Options {
  readonly databaseUrl: string;
  readonly amqpUrl: string;
  readonly namespace: string;
  readonly baseUrl: string;
  readonly token: string;
  readonly userIds: readonly string[];
  readonly failures: number;
  readonly duplicateCopies: number;
  /** One retry of `failures` failures per rate, in this order; 0: no limit. */
  readonly rates: readonly number[];
  /** Starts the worker once the failures are in the dead-letter queue. */
  readonly startWorker: () => Promise<void>;
}

/**
 * Makes a group of failures the way production does — renames accepted by the http app, then given up by the
 * broker (dead-lettered past the delivery limit, some twice) while no worker runs — starts the worker, which
 * records them and fails their commands, then retries the group through the admin API, `failures` of them at
 * each rate in turn (the group's filter narrowed to their ids), and measures the rate achieved and the
 * effects: every command must run once.
 */
export async function retryGroup(options: Options): Promise<RetryGroupResult[]> {
  const db = new Client({ connectionString: options.databaseUrl });
  await db.connect();
  const since = new Date();
  try {
    const rounds: string[][] = [];
    // Each round its own names: renaming a user to the name it has records no event.
    for (const [round] of options.rates.entries())
      rounds.push(await rename(options, options.failures, round));
    await deadLetter(db, options, rounds);
    await options.startWorker();
    const fingerprint = await waitForGroup(db, since, options.failures * rounds.length);
    const results: RetryGroupResult[] = [];
    for (const [i, commandIds] of rounds.entries()) {
      results.push(await retryRound(db, options, fingerprint, commandIds, options.rates[i] ?? 0));
    }
    return results;
  } finally {
    await db.end();
  }
}

/** Accepts `count` renames through the http app; resolves to their command ids. */
async function rename(options: Options, count: number, round: number): Promise<string[]> {
  const auth = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };
  const commandIds: string[] = [];
  for (let i = 0; i < count; i += 20) {
    const batch = Array.from({ length: Math.min(20, count - i) }, async (_, j) => {
      const userId = options.userIds[(i + j) % options.userIds.length];
      const reply = await fetch(`${options.baseUrl}/users/${userId}`, {
        method: 'PATCH',
        headers: auth,
        body: JSON.stringify({ name: `Retried ${round}.${i + j}` }),
      });
      if (reply.status !== 202) throw new Error(`rename answered ${reply.status}`);
      return ((await reply.json()) as { commandId: string }).commandId;
    });
    commandIds.push(...(await Promise.all(batch)));
  }
  return commandIds;
}

/** Retries the failures of these commands' messages at `rate` (0: no limit) and measures it. */
async function retryRound(
  db: Client,
  options: Options,
  fingerprint: string,
  commandIds: readonly string[],
  rate: number,
): Promise<RetryGroupResult> {
  const started = new Date();
  const auth = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };
  const failures = await db.query<{ id: string }>(
    `select id::text from platform.failures where status = 'dead' and message_id = any($1::text[])`,
    [commandIds],
  );
  const asked = await fetch(`${options.baseUrl}/admin/failures/retry`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      filter: { fingerprint, ids: failures.rows.map((row) => row.id) },
      ...(rate > 0 ? { ratePerSecond: rate } : {}),
    }),
  });
  if (asked.status !== 202) throw new Error(`retry answered ${asked.status}: ${await asked.text()}`);
  const { commandId } = (await asked.json()) as { commandId: string };
  const messages = options.failures + options.duplicateCopies;
  const timeoutMs = (rate > 0 ? (messages / rate) * 2000 : messages * 100) + 60_000;
  const action = await waitForCommand(options, commandId, timeoutMs);
  if (action.status !== 'succeeded') throw new Error(`the retry ended ${JSON.stringify(action)}`);
  await waitForCommands(db, commandIds);
  const { rows } = await db.query<{ first: Date; last: Date }>(
    `select min(updated_at) as first, max(updated_at) as last from platform.failures
     where status = 'retried' and message_id = any($1::text[])`,
    [commandIds],
  );
  const seconds = (rows[0]!.last.getTime() - rows[0]!.first.getTime()) / 1000;
  const sent = action.progress?.done ?? 0;
  const counts = await db.query<{ succeeded: string; events: string; commands: string }>(
    `select
       (select count(*) from platform.commands where id = any($1::uuid[]) and status = 'succeeded') as succeeded,
       count(*) as events, count(distinct headers->>'causationId') as commands
     from platform.outbox where routing_key = 'users.user-renamed.v1' and created_at >= $2
       and headers->>'causationId' = any($1::text[])`,
    [commandIds, started],
  );
  const row = counts.rows[0]!;
  return {
    failures: options.failures,
    duplicateCopies: options.duplicateCopies,
    askedRate: rate,
    achievedRate: seconds > 0 ? (sent - 1) / seconds : 0,
    seconds,
    succeeded: Number(row.succeeded),
    events: Number(row.events),
    commandsWithEvents: Number(row.commands),
  };
}

/** Each command's outbox message to the dead-letter exchange as the broker would (the first few twice). */
async function deadLetter(
  db: Client,
  options: Options,
  rounds: readonly (readonly string[])[],
): Promise<void> {
  const messages = [];
  for (const commandIds of rounds) {
    const { rows } = await db.query<{ message_id: string; body: unknown; routing_key: string }>(
      `update platform.outbox set sent_at = now() where message_id = any($1::uuid[])
       returning message_id, body, routing_key`,
      [commandIds],
    );
    messages.push(...rows.map((row, i) => ({ ...row, copies: i < options.duplicateCopies ? 2 : 1 })));
  }
  const topology = buildTopology(BENCH_MODULES, { namespace: options.namespace });
  const queue = topology.commandQueues.get('users')!.declaration.queue;
  const transport = new RabbitMqTransport({
    url: options.amqpUrl,
    logger: createLogger({ level: 'silent' }),
  });
  try {
    await transport.ready();
    // No worker has run yet: declare what the broker needs (the worker declares the same again, a no-op).
    await transport.declare(topology);
    for (const row of messages) {
      for (let copy = 0; copy < row.copies; copy += 1) {
        await transport.publish({
          exchange: topology.names.deadLetterExchange,
          routingKey: queue,
          messageId: row.message_id,
          type: row.routing_key,
          body: row.body,
          headers: { 'x-first-death-queue': queue, 'x-first-death-reason': 'delivery_limit' },
        });
      }
    }
  } finally {
    await transport.close();
  }
}

async function waitForGroup(db: Client, since: Date, count: number): Promise<string> {
  for (let waited = 0; waited < 120_000; waited += 200) {
    const { rows } = await db.query<{ fingerprint: string; n: string }>(
      `select fingerprint, count(*) as n from platform.failures
       where status = 'dead' and first_failed_at >= $1 group by fingerprint order by n desc limit 1`,
      [since],
    );
    if (rows[0] !== undefined && Number(rows[0].n) >= count) return rows[0].fingerprint;
    await sleep(200);
  }
  throw new Error(`the worker did not record ${count} failures in time`);
}

interface ActionView {
  status: string;
  progress?: { done: number; total: number; failed: number };
}

async function waitForCommand(options: Options, id: string, timeoutMs: number): Promise<ActionView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = await fetch(`${options.baseUrl}/commands/${id}`, {
      headers: { authorization: `Bearer ${options.token}` },
    });
    const view = (await reply.json()) as ActionView;
    if (view.status === 'succeeded' || view.status === 'failed') return view;
    if (Date.now() > deadline) throw new Error(`the retry was still ${view.status} after ${timeoutMs} ms`);
    await sleep(500);
  }
}

async function waitForCommands(db: Client, ids: readonly string[]): Promise<void> {
  for (let waited = 0; waited < 120_000; waited += 200) {
    const { rows } = await db.query<{ n: string }>(
      `select count(*) as n from platform.commands where id = any($1::uuid[]) and status in ('pending', 'processing')`,
      [ids],
    );
    if (rows[0]?.n === '0') return;
    await sleep(200);
  }
  throw new Error('the retried commands did not finish in time');
}
