import { randomUUID } from 'node:crypto';
import type { ContextModule } from '@contextflow/core-infra';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgNotificationListener } from '../database/pg-notification-listener.js';
import { RabbitMqTransport } from '../rabbitmq/rabbitmq-transport.js';
import { openTestDatabase, type OpenTestDatabase, testAmqpUrl, uniquePrefix } from '../testing/index.js';
import type { Subscription } from './message-transport.js';
import { OutboxRelay } from './outbox-relay.js';
import { buildTopology } from './topology.js';

const logger = pino({ level: 'silent' });
const module: ContextModule = {
  name: 'relayprobe',
  migrations: {},
  commands: [{ type: 'relayprobe.do-it', handler: Symbol('relayprobe.do-it'), delivery: 'queued' }],
  queries: [],
  events: [{ name: 'relayprobe.watch', events: ['relayprobe.happened.v1'], handler: Symbol('h') }],
  register: () => {},
};
const topology = buildTopology([module], { namespace: uniquePrefix('relay') });
const commandQueue = topology.commandQueues.get('relayprobe')!;
const eventQueue = topology.eventQueues.get('relayprobe.watch')!;

describe('OutboxRelay', () => {
  let database: OpenTestDatabase;
  let transport: RabbitMqTransport;
  let notifications: PgNotificationListener;
  const deliveries = new Map<string, number>();
  const subscriptions: Subscription[] = [];

  const insertRows = async (count: number, kind: 'command' | 'event' = 'command'): Promise<string[]> => {
    const ids = Array.from({ length: count }, () => randomUUID());
    await database.db
      .insertInto('platform.outbox')
      .values(
        ids.map((id) => ({
          message_id: id,
          kind,
          routing_key: kind === 'command' ? 'relayprobe.do-it' : 'relayprobe.happened.v1',
          body: JSON.stringify({ type: kind === 'command' ? 'relayprobe.do-it' : 'relayprobe.happened', id }),
          headers: JSON.stringify({ correlationId: `corr-${id}` }),
        })),
      )
      .execute();
    return ids;
  };
  const relay = (options: { idleMs?: number } = {}): OutboxRelay =>
    new OutboxRelay({
      db: database.db,
      publisher: transport,
      names: topology.names,
      logger,
      notifications,
      ...options,
    });
  const unsent = async (): Promise<number> =>
    Number(
      (
        await database.db
          .selectFrom('platform.outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('sent_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    database = await openTestDatabase();
    notifications = new PgNotificationListener({ url: database.url, logger });
    transport = new RabbitMqTransport({ url: testAmqpUrl(), logger });
    await transport.declare(topology);
    for (const queue of [commandQueue, eventQueue]) {
      subscriptions.push(
        transport.consume({ queue: queue.declaration, concurrency: 20, prefetch: 50 }, async (message) => {
          const id = message.messageId ?? '';
          deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
          return 'ack';
        }),
      );
    }
  });

  afterAll(async () => {
    await Promise.all(subscriptions.map((subscription) => subscription.close()));
    await transport?.deleteTopology(topology);
    await transport?.close();
    await notifications?.close();
    await database?.close();
  });

  it('publishes unsent rows to the exchange of their kind and marks them sent', async () => {
    const commands = await insertRows(2, 'command');
    const events = await insertRows(1, 'event');
    const result = await relay().drainOnce();
    expect(result).toEqual({ claimed: 3, published: 3, failed: 0 });
    await expect.poll(() => [...commands, ...events].every((id) => deliveries.get(id) === 1)).toBe(true);
    expect(await unsent()).toBe(0);
  });

  it('keeps a row whose publish failed unsent, counting the attempt of every row', async () => {
    const [failing, passing] = await insertRows(2);
    const flaky = new OutboxRelay({
      db: database.db,
      publisher: {
        publish: (message) =>
          message.messageId === failing ? Promise.reject(new Error('refused')) : transport.publish(message),
      },
      names: topology.names,
      logger,
    });
    expect(await flaky.drainOnce()).toEqual({ claimed: 2, published: 1, failed: 1 });
    const rows = await database.db
      .selectFrom('platform.outbox')
      .select(['message_id', 'publish_attempts', 'sent_at'])
      .where('message_id', 'in', [failing ?? '', passing ?? ''])
      .execute();
    expect(rows.map((row) => [row.message_id, row.publish_attempts, row.sent_at === null])).toEqual(
      expect.arrayContaining([
        [failing, 1, true],
        [passing, 1, false],
      ]),
    );
    expect(await relay().drainOnce()).toEqual({ claimed: 1, published: 1, failed: 0 });
    await expect.poll(() => deliveries.get(failing ?? '')).toBe(1);
  });

  it('publishes every message exactly once with two relays running at once', async () => {
    const ids = await insertRows(500);
    const first = relay({ idleMs: 100 });
    const second = relay({ idleMs: 100 });
    await Promise.all([first.start(), second.start()]);
    await expect.poll(unsent, { timeout: 20_000 }).toBe(0);
    await expect.poll(() => ids.filter((id) => deliveries.has(id)).length, { timeout: 20_000 }).toBe(500);
    await Promise.all([first.stop(), second.stop()]);
    expect(ids.filter((id) => deliveries.get(id) !== 1)).toEqual([]);
  });

  it('wakes up on NOTIFY instead of waiting for its poll interval', async () => {
    const sleepy = relay({ idleMs: 60_000 });
    await sleepy.start();
    // Let its first pass find the outbox empty, so only a notification can bring it back before a minute.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    const [id] = await database.db.transaction().execute(async (trx) => {
      const inserted = await insertRowsIn(trx);
      await sql`select pg_notify('cf_outbox', '')`.execute(trx);
      return inserted;
    });
    await expect.poll(() => deliveries.get(id ?? ''), { timeout: 3_000 }).toBe(1);
    expect(Date.now() - started).toBeLessThan(2_000);
    await sleepy.stop();
  });
});

async function insertRowsIn(trx: OpenTestDatabase['db']): Promise<string[]> {
  const id = randomUUID();
  await trx
    .insertInto('platform.outbox')
    .values({
      message_id: id,
      kind: 'event',
      routing_key: 'relayprobe.happened.v1',
      body: JSON.stringify({ type: 'relayprobe.happened', id }),
      headers: '{}',
    })
    .execute();
  return [id];
}
