// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { type Command, CommandBus, type CommandHandler, token } from '@contextflow/core';
import { CommandStatusReader, type ContextModule } from '@contextflow/core-infra';
import { pino } from 'pino';
import { Connection, type Consumer } from 'rabbitmq-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandLedger } from '../commands/command-ledger.js';
import { RabbitMqTransport } from '../rabbitmq/rabbitmq-transport.js';
import type { Runtime } from '../runtime/runtime.js';
import {
  buildCommand,
  createTestRuntime,
  tearDownRuntime,
  testAmqpUrl,
  type TestDatabase,
  uniquePrefix,
} from '../testing/index.js';
import { DEAD_LETTERED } from './dead-letter-reconciler.js';

const Handler = token<CommandHandler>('test.reconcile.Handler');
const module: ContextModule = {
  name: 'reconcile',
  migrations: {},
  commands: [{ type: 'reconcile.do', handler: Handler, delivery: 'queued' }],
  queries: [],
  events: [],
  register: (container) => container.register(Handler, { useValue: { handle: async () => 'done' } }),
};

describe('DeadLetterReconciler (RabbitMQ + PostgreSQL)', () => {
  const logger = pino({ level: 'silent' });
  let database: TestDatabase;
  let runtime: Runtime;
  let transport: RabbitMqTransport;
  let raw: Connection;

  const send = async (): Promise<Command> => {
    const command = buildCommand('reconcile.do', {});
    await runtime.container.resolve<CommandBus>(CommandBus).send(command);
    return command;
  };
  const statuses = () => runtime.container.resolve<CommandStatusReader>(CommandStatusReader);
  const dlq = () => runtime.topology.commandQueues.get('reconcile')!.deadLetterQueue;
  const workQueue = () => runtime.topology.commandQueues.get('reconcile')!.declaration.queue;

  beforeAll(async () => {
    // The outbox relay never runs here: each test publishes the command messages it needs itself.
    ({ runtime, database } = await createTestRuntime({
      modules: [module],
      logger,
      namespace: uniquePrefix('reconcile'),
      migrate: true,
    }));
    transport = new RabbitMqTransport({ url: testAmqpUrl(), logger });
    await transport.ready();
    await transport.declare(runtime.topology);
    raw = new Connection(testAmqpUrl());
    raw.on('error', () => {});
    // Only the reconciler: no context's consumers, so nothing but the broker decides what is dead-lettered.
    await runtime.startWorker({ contexts: [], concurrency: 1 });
  });

  afterAll(async () => {
    await tearDownRuntime(runtime, database);
    await transport?.close();
    await raw?.close();
  });

  it('fails a command whose message went past the delivery limit, and leaves the dead letter for operators', async () => {
    const command = await send();
    // A consumer that dies on every delivery, as a crashing worker would: the broker requeues until the limit.
    const crashing: Consumer = raw.createConsumer(
      { queue: workQueue(), queueOptions: { passive: true }, requeue: true },
      () => {
        throw new Error('crash');
      },
    );
    crashing.on('error', () => {});
    await transport.publish({
      exchange: runtime.topology.names.commandsExchange,
      routingKey: command.type,
      messageId: command.meta.commandId,
      type: command.type,
      body: command,
    });
    await expect.poll(() => transport.messageCount(dlq()), { timeout: 20_000 }).toBe(1);
    await crashing.close();

    const record = await statuses().waitUntilDone(command.meta.commandId, 20_000);
    expect(record).toMatchObject({ status: 'failed', error: { code: DEAD_LETTERED, status: 500 } });
    expect(record?.error?.detail).toContain(`dead-lettered in ${workQueue()} (delivery_limit)`);
    expect(await transport.messageCount(dlq())).toBe(1);
  });

  it('fails a dead pending command and leaves an already terminal one as it was', async () => {
    const finished = await send();
    const ledger = runtime.container.resolve(CommandLedger);
    await runtime.db.transaction().execute(async (trx) => {
      await ledger.begin(trx, finished.meta.commandId);
      await ledger.succeed(trx, finished.meta.commandId, { kept: true });
    });
    const stuck = await send();
    // Straight to the dead-letter exchange, as the broker dead-letters a rejected poison copy of a command.
    for (const command of [finished, stuck]) {
      await transport.publish({
        exchange: runtime.topology.names.deadLetterExchange,
        routingKey: workQueue(),
        messageId: command.meta.commandId,
        type: command.type,
        body: command,
        headers: { 'x-first-death-queue': workQueue(), 'x-first-death-reason': 'rejected' },
      });
    }

    // One handler at a time, in queue order: once the second is failed, the first was seen.
    const record = await statuses().waitUntilDone(stuck.meta.commandId, 20_000);
    expect(record).toMatchObject({ status: 'failed', error: { code: DEAD_LETTERED } });
    expect(record?.error?.detail).toContain('(rejected)');
    expect(await statuses().find(finished.meta.commandId)).toMatchObject({
      status: 'succeeded',
      result: { kept: true },
      error: null,
    });
    await expect.poll(() => transport.messageCount(dlq())).toBe(3);
  });
});
