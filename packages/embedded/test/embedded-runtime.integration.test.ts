// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AppError,
  type Command,
  CommandBus,
  type CommandHandler,
  type DomainEvent,
  type EventHandler,
  token,
  UuidV7Generator,
} from '@contextflow/core';
import { CommandStatusReader, type ContextModule } from '@contextflow/core-infra';
import { Db, OutboxWriter } from '@contextflow/core-infra/db';
import { createRuntime, pendingMigrations, type Runtime } from '@contextflow/runtime';
import { ATTEMPT_HEADER } from '@contextflow/runtime/messaging';
import { buildCommand } from '@contextflow/runtime/testing';
import { type Kysely, sql } from 'kysely';
import { pino } from 'pino';
import { inject, injectable } from 'tsyringe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessTransport } from '../src/broker/in-process-transport-factory.js';
import { InProcessTransport } from '../src/broker/in-process-transport.js';
import { embeddedDatabase } from '../src/pglite/embedded-database.js';

type Mode = 'ok' | 'final' | 'flaky' | 'broken' | 'slow';
type ProbeCommand = Command<'probe.record-effect', { key: string; mode: Mode }>;
interface ProbeTables {
  'probe.effects': { key: string };
  'watcher.reactions': { event_id: string };
}

const calls = new Map<string, number>();
const ids = new UuidV7Generator();
const RecordEffectHandler = token<CommandHandler>('test.embedded.RecordEffectHandler');
const CountOnHappened = token<EventHandler<DomainEvent>>('test.embedded.CountOnHappened');

/** Writes an effect and announces it, or fails as its payload says. */
@injectable()
class RecordEffect implements CommandHandler<ProbeCommand> {
  constructor(
    @inject(Db) private readonly db: Kysely<ProbeTables>,
    @inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async handle({ payload: { key, mode } }: ProbeCommand): Promise<{ key: string; calls: number }> {
    const n = (calls.get(key) ?? 0) + 1;
    calls.set(key, n);
    await this.db.insertInto('probe.effects').values({ key }).execute();
    if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, 100));
    if (mode === 'final') throw AppError.conflict('probe.refused', 'The probe refused.');
    if (mode === 'broken' || (mode === 'flaky' && n < 3)) throw new Error('simulated outage at 10.0.0.7');
    await this.outbox.append([
      {
        id: ids.next(),
        type: 'probe.happened',
        version: 1,
        occurredAt: new Date().toISOString(),
        aggregateId: key,
        aggregateVersion: 1,
        payload: { key },
      },
    ]);
    return { key, calls: n };
  }
}

/** Counts every run, without deduplicating: the inbox must. */
@injectable()
class CountReactions implements EventHandler<DomainEvent> {
  constructor(@inject(Db) private readonly db: Kysely<ProbeTables>) {}

  async handle(event: DomainEvent): Promise<void> {
    await this.db.insertInto('watcher.reactions').values({ event_id: event.id }).execute();
  }
}

const probeModule: ContextModule = {
  name: 'probe',
  migrations: {
    '0001_probe': {
      async up(db: Kysely<unknown>) {
        await sql`create table probe.effects (key text primary key)`.execute(db);
      },
    },
  },
  commands: [{ type: 'probe.record-effect', handler: RecordEffectHandler, delivery: 'queued' }],
  queries: [],
  events: [],
  register(container) {
    container.register(RecordEffectHandler, { useClass: RecordEffect });
  },
};

/** Another context, reacting to the probe's events. */
const watcherModule: ContextModule = {
  name: 'watcher',
  migrations: {
    '0001_watcher': {
      async up(db: Kysely<unknown>) {
        await sql`create table watcher.reactions (event_id text not null)`.execute(db);
      },
    },
  },
  commands: [],
  queries: [],
  events: [{ name: 'watcher.count-on-happened', events: ['probe.happened.v1'], handler: CountOnHappened }],
  register(container) {
    container.register(CountOnHappened, { useClass: CountReactions });
  },
};

const modules = [probeModule, watcherModule];

/** Accepts a probe command through the bus, as the HTTP app would. */
const send = async (target: Runtime, key: string, mode: Mode): Promise<ProbeCommand> => {
  const command: ProbeCommand = buildCommand('probe.record-effect', { key, mode });
  await target.container.resolve<CommandBus>(CommandBus).send(command);
  return command;
};

describe('createRuntime (embedded: PGlite and in-process messaging)', () => {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const transport = new InProcessTransport({ logger });
  let dataDir: string;
  let runtime: Runtime;

  const statuses = (r: Runtime = runtime) => r.container.resolve<CommandStatusReader>(CommandStatusReader);
  const done = (commandId: string) => statuses().waitUntilDone(commandId, 20_000);
  const count = async (table: 'probe.effects' | 'watcher.reactions', where: string, value: string) => {
    const query = sql<{
      n: string;
    }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(where)} = ${value}`;
    return Number((await query.execute(runtime.db)).rows[0]?.n);
  };
  const reactionsTo = async (key: string) => {
    const { rows } = await sql<{ event_id: string }>`
      select r.event_id from watcher.reactions r
      join platform.outbox o on o.message_id::text = r.event_id
      where o.body -> 'payload' ->> 'key' = ${key}
    `.execute(runtime.db);
    return rows.map((row) => row.event_id);
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cf-embedded-runtime-'));
    runtime = await createRuntime({
      database: embeddedDatabase({ dataDir }),
      // This test's own transport (it reads the dead-letter queues); the runtime closes it when it stops.
      transport: { kind: 'in-process', create: () => transport },
      modules,
      logger,
      retry: { maxAttempts: 3, delaysMs: [50, 100] },
      relay: { idleMs: 1_000 },
    });
    await runtime.startWorker({ concurrency: 4 });
  });

  afterAll(async () => {
    await runtime?.stop({ deadlineMs: 5_000 });
    await transport.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs on PGlite in its data directory with the migrations already applied', async () => {
    expect(runtime.mode).toEqual({ database: 'pglite', dataDir, messaging: 'in-process' });
    expect(
      await pendingMigrations(
        runtime.db,
        modules.map((m) => ({ schema: m.name, migrations: m.migrations })),
      ),
    ).toEqual([]);
  });

  it('moves a command from pending to succeeded through the relay, the in-process broker and the dispatcher', async () => {
    const sent = await send(runtime, 'first', 'ok');
    expect((await statuses().find(sent.meta.commandId))?.status).toBe('pending');
    await runtime.startRelay();
    expect(await done(sent.meta.commandId)).toMatchObject({
      status: 'succeeded',
      result: { key: 'first', calls: 1 },
    });
  });

  it('delivers the event the command recorded to the other context’s subscription, handled once', async () => {
    await expect.poll(() => reactionsTo('first'), { timeout: 10_000 }).toHaveLength(1);
    const [eventId] = await reactionsTo('first');
    const { rows } = await sql<{ body: DomainEvent }>`
      select body from platform.outbox where message_id::text = ${eventId!}
    `.execute(runtime.db);
    const message = {
      exchange: runtime.topology.names.eventsExchange,
      routingKey: 'probe.happened.v1',
      messageId: eventId!,
      type: 'probe.happened',
      body: rows[0]!.body,
    };
    await Promise.all([transport.publish(message), transport.publish(message)]);
    const skipped = () =>
      lines.filter((line) => line.eventId === eventId && String(line.msg).endsWith('delivery skipped'))
        .length;
    await expect.poll(skipped, { timeout: 10_000 }).toBe(2);
    expect(await count('watcher.reactions', 'event_id', eventId!)).toBe(1);
  });

  it('fails a command on a final AppError, keeps none of its writes and does not retry it', async () => {
    const sent = await send(runtime, 'refused', 'final');
    expect(await done(sent.meta.commandId)).toMatchObject({
      status: 'failed',
      error: { code: 'probe.refused', status: 409 },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls.get('refused')).toBe(1);
    expect(await count('probe.effects', 'key', 'refused')).toBe(0);
  });

  it('retries a command after an infrastructure error until it succeeds', async () => {
    const sent = await send(runtime, 'flaky', 'flaky');
    expect(await done(sent.meta.commandId)).toMatchObject({ status: 'succeeded', result: { calls: 3 } });
    expect(await count('probe.effects', 'key', 'flaky')).toBe(1);
  });

  it('fails a command whose handler keeps failing after the last attempt and keeps it in the dead-letter queue', async () => {
    const sent = await send(runtime, 'broken', 'broken');
    const record = await done(sent.meta.commandId);
    expect(record).toMatchObject({
      status: 'failed',
      error: { code: 'commands.processing_failed', status: 500 },
    });
    expect(JSON.stringify(record?.error)).not.toContain('10.0.0.7');
    expect(calls.get('broken')).toBe(3);
    const queue = runtime.topology.commandQueues.get('probe')!.deadLetterQueue;
    const dead = transport.peek(queue).find((m) => m.messageId === sent.meta.commandId);
    expect(dead?.headers[ATTEMPT_HEADER]).toBe(3);
    expect(dead?.body).toMatchObject({ type: 'probe.record-effect', payload: { key: 'broken' } });
  });

  it('keeps its data across a restart on the same data directory, and runs on its own in-process broker', async () => {
    const before = await send(runtime, 'before-restart', 'ok');
    expect((await done(before.meta.commandId))?.status).toBe('succeeded');
    await runtime.stop({ deadlineMs: 5_000 });

    const started = performance.now();
    runtime = await createRuntime({
      database: embeddedDatabase({ dataDir }),
      transport: inProcessTransport(),
      modules,
      logger,
      retry: { maxAttempts: 3, delaysMs: [50] },
    });
    console.info(
      `embedded runtime reopened its data directory in ${Math.round(performance.now() - started)} ms`,
    );
    expect(runtime.mode).toEqual({ database: 'pglite', dataDir, messaging: 'in-process' });
    expect((await statuses().find(before.meta.commandId))?.status).toBe('succeeded');
    expect(await count('probe.effects', 'key', 'before-restart')).toBe(1);

    await expect(runtime.startRelay()).rejects.toThrow('call startWorker first');
    await runtime.startWorker();
    await runtime.startRelay();
    const after = await send(runtime, 'after-restart', 'ok');
    expect((await done(after.meta.commandId))?.status).toBe('succeeded');
    await expect.poll(() => reactionsTo('after-restart'), { timeout: 10_000 }).toHaveLength(1);
  });

  it('returns the messages its in-process broker still held to the outbox when it stops, so the next start handles them once', async () => {
    await runtime.stop({ deadlineMs: 5_000 });
    runtime = await createRuntime({
      database: embeddedDatabase({ dataDir }),
      transport: inProcessTransport(),
      modules,
      logger,
    });
    await runtime.startWorker({ concurrency: 1 });
    await runtime.startRelay();
    const keys = Array.from({ length: 8 }, (_, i) => `held-${i}`);
    const sent = await Promise.all(keys.map((key) => send(runtime, key, 'slow')));
    // Stop while the first is being handled: the others are still in memory.
    await expect.poll(() => keys.some((key) => calls.has(key)), { timeout: 10_000 }).toBe(true);
    await runtime.stop({ deadlineMs: 5_000 });

    runtime = await createRuntime({
      database: embeddedDatabase({ dataDir }),
      transport: inProcessTransport(),
      modules,
      logger,
    });
    const unsent = await sql<{ n: string }>`
      select count(*) as n from platform.outbox where sent_at is null and kind = 'command'
    `.execute(runtime.db);
    expect(Number(unsent.rows[0]?.n)).toBeGreaterThan(0);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'in-process messages not yet handled returned to the outbox' }),
    );
    await runtime.startWorker();
    await runtime.startRelay();
    for (const command of sent) expect((await done(command.meta.commandId))?.status).toBe('succeeded');
    expect(keys.map((key) => calls.get(key))).toEqual(keys.map(() => 1));
  });
});
