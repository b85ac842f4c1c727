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
  readonly rate: number;
  /** Starts the worker once the failures are in the dead-letter queue. */
  readonly startWorker: () => Promise<void>;
}

/**
 * Makes a group of failures the way production does — renames accepted by the http app, then given up by the
 * broker (dead-lettered past the delivery limit, some twice) while no worker runs — starts the worker, which
 * records them and fails their commands, then retries the group through the admin API at `rate` messages a
 * second and measures the rate achieved and the effects: every command must run once.
 */
export async function retryGroup(options: Options): Promise<RetryGroupResult> {
  const db = new Client({ connectionString: options.databaseUrl });
  await db.connect();
  const since = new Date();
  const auth = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };
  try {
    const commandIds: string[] = [];
    for (let i = 0; i < options.failures; i += 20) {
      const batch = Array.from({ length: Math.min(20, options.failures - i) }, async (_, j) => {
        const userId = options.userIds[(i + j) % options.userIds.length];
        const reply = await fetch(`${options.baseUrl}/users/${userId}`, {
          method: 'PATCH',
          headers: auth,
          body: JSON.stringify({ name: `Retried ${i + j}` }),
        });
        if (reply.status !== 202) throw new Error(`rename answered ${reply.status}`);
        return ((await reply.json()) as { commandId: string }).commandId;
      });
      commandIds.push(...(await Promise.all(batch)));
    }
    await deadLetter(db, options, commandIds);
    await options.startWorker();
    const fingerprint = await waitForGroup(db, since, options.failures);
    const asked = await fetch(`${options.baseUrl}/admin/failures/retry`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ filter: { fingerprint }, ratePerSecond: options.rate }),
    });
    if (asked.status !== 202) throw new Error(`retry answered ${asked.status}: ${await asked.text()}`);
    const { commandId } = (await asked.json()) as { commandId: string };
    const timeoutMs = ((options.failures + options.duplicateCopies) / options.rate) * 2000 + 60_000;
    const action = await waitForCommand(options, commandId, timeoutMs);
    if (action.status !== 'succeeded') throw new Error(`the retry ended ${JSON.stringify(action)}`);
    await waitForCommands(db, commandIds);
    const { rows } = await db.query<{ first: Date; last: Date }>(
      `select min(updated_at) as first, max(updated_at) as last from platform.failures
       where status = 'retried' and fingerprint = $1`,
      [fingerprint],
    );
    const seconds = (rows[0]!.last.getTime() - rows[0]!.first.getTime()) / 1000;
    const sent = action.progress?.done ?? 0;
    const counts = await db.query<{ succeeded: string; events: string; commands: string }>(
      `select
         (select count(*) from platform.commands where id = any($1::uuid[]) and status = 'succeeded') as succeeded,
         count(*) as events, count(distinct headers->>'causationId') as commands
       from platform.outbox where routing_key = 'users.user-renamed.v1' and created_at >= $2`,
      [commandIds, since],
    );
    const row = counts.rows[0]!;
    return {
      failures: options.failures,
      duplicateCopies: options.duplicateCopies,
      askedRate: options.rate,
      achievedRate: seconds > 0 ? (sent - 1) / seconds : 0,
      seconds,
      succeeded: Number(row.succeeded),
      events: Number(row.events),
      commandsWithEvents: Number(row.commands),
    };
  } finally {
    await db.end();
  }
}

/** Each command's outbox message to the dead-letter exchange as the broker would (the first few twice). */
async function deadLetter(db: Client, options: Options, commandIds: readonly string[]): Promise<void> {
  const { rows } = await db.query<{ message_id: string; body: unknown; routing_key: string }>(
    `update platform.outbox set sent_at = now() where message_id = any($1::uuid[])
     returning message_id, body, routing_key`,
    [commandIds],
  );
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
    for (const [i, row] of rows.entries()) {
      const copies = i < options.duplicateCopies ? 2 : 1;
      for (let copy = 0; copy < copies; copy += 1) {
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
