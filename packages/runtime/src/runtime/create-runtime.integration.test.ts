// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import {
  AppError,
  type Command,
  CommandBus,
  type CommandHandler,
  type DomainEvent,
  type EventHandler,
  type ProcessManager,
  token,
  UuidV7Generator,
} from '@contextflow/core';
import { CommandStatusReader, type ContextModule } from '@contextflow/core-infra';
import { Db } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';
import { pino } from 'pino';
import { Connection } from 'rabbitmq-client';
import { inject, injectable } from 'tsyringe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { failureFingerprint } from '../messaging/failure-entry.js';
import { ATTEMPT_HEADER } from '../messaging/retry-policy.js';
import { RabbitMqTransport } from '../rabbitmq/rabbitmq-transport.js';
import {
  buildCommand,
  createTestRuntime,
  tearDownRuntime,
  testAmqpUrl,
  type TestDatabase,
  uniquePrefix,
} from '../testing/index.js';
import type { Runtime } from './runtime.js';

type Mode = 'ok' | 'final' | 'flaky' | 'broken';
type ProbeCommand = Command<'probe.record-effect', { key: string; mode: Mode }>;
interface ProbeTables {
  'probe.effects': { key: string };
  'probe.reactions': { event_id: string };
}

const calls = new Map<string, number>();
const RecordEffectHandler = token<CommandHandler>('test.probe.RecordEffectHandler');
const SignInHandler = token<CommandHandler>('test.probe.SignInHandler');
const CountOnHappened = token<EventHandler<DomainEvent>>('test.probe.CountOnHappened');
const StalledWatch = token<ProcessManager>('test.probe.StalledWatch');

/** Writes an effect a second run would collide with, then fails as its payload says. */
@injectable()
class RecordEffect implements CommandHandler<ProbeCommand> {
  constructor(@inject(Db) private readonly db: Kysely<ProbeTables>) {}

  async handle({ payload: { key, mode } }: ProbeCommand): Promise<{ key: string; calls: number }> {
    const n = (calls.get(key) ?? 0) + 1;
    calls.set(key, n);
    await this.db.insertInto('probe.effects').values({ key }).execute();
    if (mode === 'final') throw AppError.conflict('probe.refused', 'The probe refused.');
    if (mode === 'broken' || (mode === 'flaky' && n < 3)) throw new Error('simulated outage at 10.0.0.7');
    return { key, calls: n };
  }
}

/** Counts every run, without deduplicating: the inbox must. */
@injectable()
class CountReactions implements EventHandler<DomainEvent> {
  constructor(@inject(Db) private readonly db: Kysely<ProbeTables>) {}

  async handle(event: DomainEvent): Promise<void> {
    await this.db.insertInto('probe.reactions').values({ event_id: event.id }).execute();
  }
}

/** A process whose every reaction fails as an outage would: its events are retried, then dead-lettered. */
const stalledWatch: ProcessManager = {
  correlate: (event) => event.aggregateId,
  react: async () => {
    throw new Error('simulated outage at 10.0.0.8');
  },
};

const probeModule: ContextModule = {
  name: 'probe',
  migrations: {
    '0001_probe': {
      async up(db: Kysely<unknown>) {
        await sql`create table probe.effects (key text primary key)`.execute(db);
        await sql`create table probe.reactions (event_id text not null)`.execute(db);
      },
    },
  },
  commands: [
    {
      type: 'probe.record-effect',
      handler: RecordEffectHandler,
      delivery: 'queued',
      payload: z.object({ key: z.string(), mode: z.enum(['ok', 'final', 'flaky', 'broken']) }),
    },
    { type: 'probe.sign-in', handler: SignInHandler, delivery: 'in-process' },
  ],
  queries: [],
  events: [
    {
      name: 'probe.count-on-happened',
      events: ['probe.happened.v1'],
      handler: CountOnHappened,
      contracts: { 'probe.happened.v1': z.object({ id: z.string(), aggregateId: z.string().min(1) }) },
    },
  ],
  processes: [
    { name: 'probe.stalled-watch', events: ['probe.stalled.v1'], timeouts: [], manager: StalledWatch },
  ],
  register(container) {
    container.register(StalledWatch, { useValue: stalledWatch });
    container.register(RecordEffectHandler, { useClass: RecordEffect });
    container.register(SignInHandler, { useValue: { handle: async () => void calls.set('sign-in', 1) } });
    container.register(CountOnHappened, { useClass: CountReactions });
  },
};

describe('createRuntime (worker)', () => {
  const ids = new UuidV7Generator();
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const deadLetters: { messageId?: string; headers?: Record<string, unknown> }[] = [];
  let database: TestDatabase;
  let runtime: Runtime;
  let transport: RabbitMqTransport;
  let raw: Connection;

  const send = async (key: string, mode: Mode): Promise<ProbeCommand> => {
    const accepted: ProbeCommand = buildCommand('probe.record-effect', { key, mode });
    await runtime.container.resolve<CommandBus>(CommandBus).send(accepted);
    return accepted;
  };
  const done = (commandId: string) => statuses().waitUntilDone(commandId, 20_000);
  const rows = async (
    table: 'probe.effects' | 'probe.reactions',
    column: 'key' | 'event_id',
    value: string,
  ) => {
    const query = sql<{
      n: string;
    }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${value}`;
    return Number((await query.execute(runtime.db)).rows[0]?.n);
  };
  const statuses = () => runtime.container.resolve<CommandStatusReader>(CommandStatusReader);
  const skipped = (field: 'commandId' | 'eventId', id: string) =>
    lines.filter((line) => line[field] === id && String(line.msg).endsWith('delivery skipped')).length;
  const deadLettered = async (queue: string, messageId: string) => {
    for (
      let m = await raw.basicGet({ queue, noAck: true });
      m;
      m = await raw.basicGet({ queue, noAck: true })
    ) {
      deadLetters.push({ messageId: m.messageId, headers: m.headers });
    }
    return deadLetters.find((letter) => letter.messageId === messageId);
  };

  beforeAll(async () => {
    ({ runtime, database } = await createTestRuntime({
      poolSize: 5,
      modules: [probeModule],
      logger,
      namespace: uniquePrefix('rt'),
      retry: { maxAttempts: 3, delaysMs: [100, 200] },
      relay: { idleMs: 1_000 },
    }));
    await runtime.migrate();
    await runtime.startWorker({ concurrency: 4 });
    transport = new RabbitMqTransport({ url: testAmqpUrl(), logger });
    raw = new Connection(testAmqpUrl());
    raw.on('error', () => {});
  });

  afterAll(async () => {
    await tearDownRuntime(runtime, database);
    await transport?.close();
    await raw?.close();
  });

  it('moves a command from pending to succeeded with the result of its handler', async () => {
    const sent = await send('first', 'ok');
    expect((await statuses().find(sent.meta.commandId))?.status).toBe('pending');
    await runtime.startRelay();
    expect(await done(sent.meta.commandId)).toMatchObject({
      status: 'succeeded',
      result: { key: 'first', calls: 1 },
    });
  });

  it('runs a command once however often it is delivered', async () => {
    const sent = await send('twice', 'ok');
    const copy = {
      exchange: runtime.topology.names.commandsExchange,
      routingKey: sent.type,
      messageId: sent.meta.commandId,
      type: sent.type,
      body: sent,
    };
    await Promise.all([transport.publish(copy), transport.publish(copy)]);
    expect((await done(sent.meta.commandId))?.status).toBe('succeeded');
    await expect.poll(() => skipped('commandId', sent.meta.commandId), { timeout: 10_000 }).toBe(2);
    expect(calls.get('twice')).toBe(1);
    expect(await rows('probe.effects', 'key', 'twice')).toBe(1);
  });

  it('fails a command on a final AppError, keeps none of its writes and does not retry it', async () => {
    const sent = await send('refused', 'final');
    expect(await done(sent.meta.commandId)).toMatchObject({
      status: 'failed',
      error: { code: 'probe.refused', status: 409 },
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(calls.get('refused')).toBe(1);
    expect(await rows('probe.effects', 'key', 'refused')).toBe(0);
  });

  it('retries a command after an infrastructure error until it succeeds', async () => {
    const sent = await send('flaky', 'flaky');
    expect(await done(sent.meta.commandId)).toMatchObject({ status: 'succeeded', result: { calls: 3 } });
    expect(await rows('probe.effects', 'key', 'flaky')).toBe(1);
  });

  it('fails and dead-letters a command whose handler keeps failing, after the last attempt', async () => {
    const sent = await send('broken', 'broken');
    const record = await done(sent.meta.commandId);
    expect(record).toMatchObject({
      status: 'failed',
      error: { code: 'commands.processing_failed', status: 500 },
    });
    expect(JSON.stringify(record?.error)).not.toContain('10.0.0.7');
    expect(calls.get('broken')).toBe(3);
    const queue = runtime.topology.commandQueues.get('probe')!.deadLetterQueue;
    await expect
      .poll(async () => (await deadLettered(queue, sent.meta.commandId))?.headers?.[ATTEMPT_HEADER])
      .toBe(3);
  });

  it('dead-letters a poison command and keeps consuming', async () => {
    const poisonId = ids.next();
    // Straight to the queue: the command exchange routes only the types the module queues.
    await transport.publish({
      exchange: '',
      routingKey: runtime.topology.commandQueues.get('probe')!.declaration.queue,
      messageId: poisonId,
      type: 'probe.no-such-command',
      body: { type: 'probe.no-such-command', payload: {}, meta: { commandId: poisonId } },
    });
    const queue = runtime.topology.commandQueues.get('probe')!.deadLetterQueue;
    await expect.poll(async () => (await deadLettered(queue, poisonId))?.messageId).toBe(poisonId);
    const after = await send('after-poison', 'ok');
    expect((await done(after.meta.commandId))?.status).toBe('succeeded');
  });

  it('never runs a command delivered in-process that reaches the queue: it is dead-lettered, unread', async () => {
    const commandId = ids.next();
    const signIn = { type: 'probe.sign-in', payload: { secret: 'hunter2' }, meta: { commandId } };
    await transport.publish({
      exchange: '',
      routingKey: runtime.topology.commandQueues.get('probe')!.declaration.queue,
      messageId: commandId,
      type: signIn.type,
      body: signIn,
    });
    const queue = runtime.topology.commandQueues.get('probe')!.deadLetterQueue;
    await expect.poll(async () => (await deadLettered(queue, commandId))?.messageId).toBe(commandId);
    expect(calls.has('sign-in')).toBe(false);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'poison command dead-lettered', messageId: commandId }),
    );
    expect(JSON.stringify(lines)).not.toContain('hunter2');
  });

  it('dead-letters a command whose payload fails its schema on the first delivery, without running its handler', async () => {
    const sent = await send('sideways', 'sideways' as Mode);
    const queue = runtime.topology.commandQueues.get('probe')!.deadLetterQueue;
    await expect
      .poll(async () => (await deadLettered(queue, sent.meta.commandId))?.messageId)
      .toBe(sent.meta.commandId);
    expect(calls.has('sideways')).toBe(false);
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'poison command dead-lettered',
        messageId: sent.meta.commandId,
        reason: expect.stringMatching(/^probe\.record-effect payload fails its schema at mode: /),
      }),
    );
  });

  it('dead-letters an event that fails its subscription’s contract, without running the reaction', async () => {
    const id = ids.next();
    const event = { id, type: 'probe.happened', version: 1, aggregateId: '', payload: {} };
    await transport.publish({
      exchange: runtime.topology.names.eventsExchange,
      routingKey: 'probe.happened.v1',
      messageId: id,
      type: event.type,
      body: event,
    });
    const queue = runtime.topology.eventQueues.get('probe.count-on-happened')!.deadLetterQueue;
    await expect.poll(async () => (await deadLettered(queue, id))?.messageId).toBe(id);
    expect(await rows('probe.reactions', 'event_id', id)).toBe(0);
  });

  it('handles an event once per subscription however often it is delivered', async () => {
    const event: DomainEvent = {
      id: ids.next(),
      type: 'probe.happened',
      version: 1,
      occurredAt: new Date().toISOString(),
      aggregateId: 'a1',
      aggregateVersion: 1,
      payload: {},
    };
    const message = {
      exchange: runtime.topology.names.eventsExchange,
      routingKey: 'probe.happened.v1',
      messageId: event.id,
      type: event.type,
      body: event,
    };
    await Promise.all([transport.publish(message), transport.publish(message), transport.publish(message)]);
    await expect.poll(() => skipped('eventId', event.id), { timeout: 10_000 }).toBe(2);
    expect(await rows('probe.reactions', 'event_id', event.id)).toBe(1);
  });

  const failureOf = (messageId: string) =>
    runtime.db
      .selectFrom('platform.failures')
      .selectAll()
      .where('message_id', '=', messageId)
      .executeTakeFirst();

  it('records a command out of retries in platform.failures with its last problem and attempts', async () => {
    const sent = await send('broken-recorded', 'broken');
    expect((await done(sent.meta.commandId))?.status).toBe('failed');
    await expect
      .poll(() => failureOf(sent.meta.commandId))
      .toMatchObject({
        queue: runtime.topology.commandQueues.get('probe')!.declaration.queue,
        type: 'probe.record-effect',
        reason: 'retries_exhausted',
        error_code: 'internal.Error',
        problem: { code: 'internal.Error', detail: 'simulated outage at 10.0.0.7' },
        attempts: 3,
        deaths: 1,
        status: 'dead',
        payload: { payload: { key: 'broken-recorded', mode: 'broken' } },
      });
    const broken = await failureOf(sent.meta.commandId);
    const other = await send('broken-recorded-2', 'broken');
    await expect
      .poll(async () => (await failureOf(other.meta.commandId))?.fingerprint)
      .toBe(broken?.fingerprint);
  });

  it('records a process’s event out of retries with its last problem, attempts and error code', async () => {
    const eventId = ids.next();
    await transport.publish({
      exchange: runtime.topology.names.eventsExchange,
      routingKey: 'probe.stalled.v1',
      messageId: eventId,
      type: 'probe.stalled',
      body: {
        id: eventId,
        type: 'probe.stalled',
        version: 1,
        occurredAt: new Date().toISOString(),
        aggregateId: 'watch-1',
        aggregateVersion: 1,
        payload: {},
      },
    });
    await expect
      .poll(() => failureOf(eventId), { timeout: 10_000 })
      .toMatchObject({
        queue: runtime.topology.eventQueues.get('probe.stalled-watch')!.declaration.queue,
        type: 'probe.stalled',
        reason: 'retries_exhausted',
        error_code: 'internal.Error',
        problem: {
          code: 'internal.Error',
          title: 'Internal Server Error',
          detail: 'simulated outage at 10.0.0.8',
        },
        attempts: 3,
        deaths: 1,
        status: 'dead',
        fingerprint: failureFingerprint('probe.stalled', 'internal.Error', 'retries_exhausted'),
      });
  });

  it('records poison commands and events, with their secrets redacted as in the logs', async () => {
    const commandId = ids.next();
    await transport.publish({
      exchange: '',
      routingKey: runtime.topology.commandQueues.get('probe')!.declaration.queue,
      messageId: commandId,
      type: 'probe.sign-in',
      body: { type: 'probe.sign-in', payload: { secret: 'hunter2' }, meta: { commandId } },
      headers: { authorization: 'Bearer abc' },
    });
    await expect
      .poll(() => failureOf(commandId))
      .toMatchObject({
        reason: 'poison',
        error_code: 'messages.poison',
        payload: { payload: { secret: '[redacted]' } },
        headers: { authorization: '[redacted]' },
      });
    expect(JSON.stringify(await failureOf(commandId))).not.toContain('hunter2');
    const eventId = ids.next();
    await transport.publish({
      exchange: runtime.topology.names.eventsExchange,
      routingKey: 'probe.happened.v1',
      messageId: eventId,
      type: 'probe.happened',
      body: { id: eventId, type: 'probe.happened', version: 1, aggregateId: '', payload: {} },
    });
    await expect
      .poll(() => failureOf(eventId))
      .toMatchObject({
        queue: runtime.topology.eventQueues.get('probe.count-on-happened')!.declaration.queue,
        reason: 'poison',
        type: 'probe.happened',
      });
  });

  it('records a death only the broker saw (the delivery limit) from the dead-letter exchange’s copy', async () => {
    const messageId = ids.next();
    const queue = runtime.topology.commandQueues.get('probe')!.declaration.queue;
    await transport.publish({
      exchange: runtime.topology.names.deadLetterExchange,
      routingKey: queue,
      messageId,
      type: 'probe.record-effect',
      body: {
        type: 'probe.record-effect',
        payload: { key: 'x', mode: 'ok' },
        meta: { commandId: messageId },
      },
      headers: { 'x-last-death-queue': queue, 'x-last-death-reason': 'delivery_limit' },
    });
    await expect
      .poll(() => failureOf(messageId))
      .toMatchObject({
        queue,
        reason: 'delivery_limit',
        error_code: 'messages.delivery_limit',
        status: 'dead',
      });
  });

  it('refuses to consume a context it does not know', async () => {
    await expect(runtime.startWorker({ contexts: ['nowhere'] })).rejects.toThrow(
      'unknown context(s): nowhere',
    );
  });
});
