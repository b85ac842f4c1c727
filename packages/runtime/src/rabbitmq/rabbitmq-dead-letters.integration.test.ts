// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { type Command, CommandBus, type CommandHandler, token } from '@contextflow/core';
import { CommandStatusReader, type ContextModule } from '@contextflow/core-infra';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadCommandRedriveHook } from '../operations/dead-command-redrive.js';
import type { Runtime } from '../runtime/runtime.js';
import {
  buildCommand,
  createTestRuntime,
  tearDownRuntime,
  testAmqpUrl,
  type TestDatabase,
  uniquePrefix,
} from '../testing/index.js';
import { RabbitMqDeadLetters, UnknownQueueError } from './rabbitmq-dead-letters.js';
import { RabbitMqTransport } from './rabbitmq-transport.js';

// The handler fails with an infrastructure error while this is true: one attempt, then the dead-letter queue.
let broken = true;
const runs = new Map<string, number>();
const Handler = token<CommandHandler>('test.deadletters.Handler');
const module: ContextModule = {
  name: 'dlq',
  migrations: {},
  commands: [{ type: 'dlq.work', handler: Handler, delivery: 'queued' }],
  queries: [],
  events: [],
  register: (container) =>
    container.register(Handler, {
      useValue: {
        handle: async (command: Command<'dlq.work', { key: string }>) => {
          runs.set(command.payload.key, (runs.get(command.payload.key) ?? 0) + 1);
          if (broken) throw new Error('simulated outage');
          return { key: command.payload.key };
        },
      },
    }),
};

describe('RabbitMqDeadLetters', () => {
  const logger = pino({ level: 'silent' });
  let database: TestDatabase;
  let runtime: Runtime;
  let deadLetters: RabbitMqDeadLetters;
  let first: string;
  let second: string;
  const ids = async () => new Set((await deadLetters.list({ limit: 10 })).map((letter) => letter.messageId));

  const statuses = () => runtime.container.resolve<CommandStatusReader>(CommandStatusReader);
  const dlq = () => runtime.topology.commandQueues.get('dlq')!.deadLetterQueue;
  const workQueue = () => runtime.topology.commandQueues.get('dlq')!.declaration.queue;
  /** Sends a command that dies (the handler is broken) and waits until it is failed and dead-lettered. */
  const sendDead = async (key: string): Promise<string> => {
    const command = buildCommand('dlq.work', { key });
    const before = (await deadLetters.counts())[0]?.messages ?? 0;
    await runtime.container.resolve<CommandBus>(CommandBus).send(command);
    expect((await statuses().waitUntilDone(command.meta.commandId, 20_000))?.status).toBe('failed');
    await expect.poll(async () => (await deadLetters.counts())[0]?.messages).toBe(before + 1);
    return command.meta.commandId;
  };

  beforeAll(async () => {
    ({ runtime, database } = await createTestRuntime({
      modules: [module],
      logger,
      namespace: uniquePrefix('dlq'),
      migrate: true,
      retry: { maxAttempts: 1, delaysMs: [50] },
    }));
    await runtime.startWorker({ concurrency: 2 });
    await runtime.startRelay();
    deadLetters = new RabbitMqDeadLetters({ url: testAmqpUrl(), topology: runtime.topology, logger });
    await deadLetters.ready();
  });

  afterAll(async () => {
    await deadLetters?.close();
    await tearDownRuntime(runtime, database);
  });

  it('lists and shows dead letters without taking them off their queue', async () => {
    first = await sendDead('first');
    second = await sendDead('second');

    const listed = await deadLetters.list({ limit: 10 });
    expect(listed.map((letter) => letter.messageId)).toEqual([first, second]);
    expect(listed[0]).toMatchObject({
      type: 'dlq.work',
      deadLetterQueue: dlq(),
      death: { queue: workQueue(), reason: 'rejected', count: 1 },
    });
    expect(listed[0]?.death?.time).toBeInstanceOf(Date);
    expect(await deadLetters.list({ limit: 1 })).toHaveLength(1);

    const [shown] = await deadLetters.find(second);
    expect(shown?.body).toMatchObject({
      type: 'dlq.work',
      payload: { key: 'second' },
      meta: { commandId: second },
    });
    expect(shown?.headers['x-first-death-reason']).toBe('rejected');
    expect((await deadLetters.counts())[0]?.messages).toBe(2);
    // Reading gives every message back (a quorum queue may change their order).
    expect(await ids()).toEqual(new Set([first, second]));
  });

  it('redrives a dead command so that it runs again and succeeds, acking only the redriven copy', async () => {
    broken = false;
    const progress: string[] = [];
    const result = await deadLetters.redrive({
      ids: [first, '01900000-0000-7000-8000-00000000dead'],
      hook: deadCommandRedriveHook(runtime.db, runtime.topology),
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(result).toEqual({ done: 1, missing: ['01900000-0000-7000-8000-00000000dead'], failed: [] });
    expect(progress).toEqual(['1/2']);
    await expect
      .poll(async () => (await statuses().find(first))?.status, { timeout: 20_000 })
      .toBe('succeeded');
    expect(await statuses().find(first)).toMatchObject({ result: { key: 'first' }, error: null });
    expect(runs.get('first')).toBe(2);
    expect((await deadLetters.list({ limit: 10 })).map((letter) => letter.messageId)).toEqual([second]);
  });

  it('purges chosen dead letters, then all of a queue', async () => {
    broken = true;
    const third = await sendDead('third');
    expect(await deadLetters.purge({ ids: [second] })).toEqual({ done: 1, missing: [], failed: [] });
    expect((await deadLetters.list({ limit: 10 })).map((letter) => letter.messageId)).toEqual([third]);
    expect(await deadLetters.purge({ queue: workQueue() })).toEqual({ done: 1, missing: [], failed: [] });
    expect(await deadLetters.counts()).toEqual([{ queue: dlq(), messages: 0 }]);
    expect(await statuses().find(second)).toMatchObject({ status: 'failed' });
  });

  it('redrives all, meeting a message that dies again only once', async () => {
    const transport = new RabbitMqTransport({ url: testAmqpUrl(), logger });
    try {
      // A JSON string, not a command: the dispatcher dead-letters it on every delivery.
      await transport.publish({
        exchange: '',
        routingKey: workQueue(),
        messageId: 'poison-1',
        type: 'dlq.work',
        body: 'not json',
        headers: {},
      });
    } finally {
      await transport.close();
    }
    await expect.poll(async () => (await deadLetters.counts())[0]?.messages).toBe(1);
    const result = await deadLetters.redrive({ hook: deadCommandRedriveHook(runtime.db, runtime.topology) });
    expect(result).toEqual({ done: 1, missing: [], failed: [] });
    await expect
      .poll(async () => (await deadLetters.list({ limit: 10 })).map((letter) => letter.messageId))
      .toEqual(['poison-1']);
    await deadLetters.purge({});
  });

  it('purges a few chosen among many, giving the rest back though they outnumber its consumer prefetch', async () => {
    const transport = new RabbitMqTransport({ url: testAmqpUrl(), logger });
    const letters = Array.from({ length: 300 }, (_, i) => `many-${i}`);
    try {
      for (const messageId of letters) {
        await transport.publish({
          exchange: '',
          routingKey: dlq(),
          messageId,
          type: 'dlq.work',
          body: { key: messageId },
          headers: { 'x-first-death-queue': workQueue(), 'x-first-death-reason': 'rejected' },
        });
      }
    } finally {
      await transport.close();
    }
    await expect.poll(async () => (await deadLetters.counts())[0]?.messages).toBe(300);
    const chosen = letters.filter((_, i) => i % 30 === 29);
    expect(await deadLetters.purge({ ids: chosen })).toEqual({ done: 10, missing: [], failed: [] });
    expect((await deadLetters.counts())[0]?.messages).toBe(290);
    const left = new Set((await deadLetters.list({ limit: 300 })).map((letter) => letter.messageId));
    expect(chosen.filter((id) => left.has(id))).toEqual([]);
    await deadLetters.purge({});
  });

  it('refuses a queue that is not one of the topology', () => {
    expect(() => deadLetters.queues('nope')).toThrow(UnknownQueueError);
    expect(deadLetters.queues(workQueue())).toEqual([dlq()]);
    expect(deadLetters.queues(dlq())).toEqual([dlq()]);
  });
});
