// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { type Command, CommandBus, UuidV7Generator } from '@contextflow/core';
import { CommandStatusReader, createLogger, FailureActionTypes } from '@contextflow/core-infra';
import type { Runtime } from '@contextflow/runtime';
import { RabbitMqTransport } from '@contextflow/runtime/messaging';
import {
  buildCommand,
  createTestRuntime,
  tearDownRuntime,
  testAmqpUrl,
  type TestDatabase,
  uniquePrefix,
} from '@contextflow/runtime/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from './modules.js';

describe('operator actions on failures, run by the worker as commands', () => {
  const logger = createLogger({ level: 'silent' });
  const ids = new UuidV7Generator();
  const namespace = uniquePrefix('fa');
  let database: TestDatabase;
  let runtime: Runtime;
  let transport: RabbitMqTransport;

  const register = (): Command =>
    buildCommand('users.register-user', {
      userId: ids.next(),
      email: `${ids.next()}@example.com`,
      name: 'Ada Lovelace',
    });
  const usersQueue = () => runtime.topology.commandQueues.get('users')!.declaration.queue;
  /** Accepts a command, then dead-letters `copies` copies of its message as the broker would. */
  const acceptAndKill = async (command: Command, copies = 1): Promise<void> => {
    await runtime.container.resolve<CommandBus>(CommandBus).send(command);
    for (let i = 0; i < copies; i += 1) {
      await transport.publish({
        exchange: runtime.topology.names.deadLetterExchange,
        routingKey: usersQueue(),
        messageId: command.meta.commandId,
        type: command.type,
        body: command,
        headers: { 'x-first-death-queue': usersQueue(), 'x-first-death-reason': 'delivery_limit' },
      });
    }
  };
  const statuses = () => runtime.container.resolve<CommandStatusReader>(CommandStatusReader);
  const operate = async (type: string, payload: unknown) => {
    const command = buildCommand(type, payload);
    await runtime.container.resolve<CommandBus>(CommandBus).send(command);
    return command.meta.commandId;
  };
  const dead = async (messageIds: readonly string[]) => {
    const rows = await runtime.db
      .selectFrom('platform.failures')
      .select(['message_id', 'fingerprint', 'status'])
      .where('message_id', 'in', messageIds)
      .execute();
    return rows.filter((row) => row.status === 'dead');
  };
  const usersNamed = async (userIds: readonly string[]) => {
    const result = await sql<{ n: string }>`
      select count(*) as n from users.users where id = any(${[...userIds]}::uuid[])`.execute(runtime.db);
    return Number(result.rows[0]?.n);
  };

  beforeAll(async () => {
    ({ runtime, database } = await createTestRuntime({
      modules,
      logger,
      namespace,
      migrate: true,
      relay: { idleMs: 200 },
    }));
    await runtime.startWorker({ concurrency: 4 });
    await runtime.startRelay();
    transport = new RabbitMqTransport({ url: testAmqpUrl(), logger });
    await transport.ready();
  });

  afterAll(async () => {
    await tearDownRuntime(runtime, database);
    await transport?.close();
  });

  it('retries a group at the asked rate, reports its progress, and every command runs once', async () => {
    const commands = Array.from({ length: 10 }, register);
    // One of them dead-lettered twice: two copies of one message must not have two effects.
    for (const [i, command] of commands.entries()) await acceptAndKill(command, i === 0 ? 2 : 1);
    const messageIds = commands.map((command) => command.meta.commandId);
    await expect.poll(async () => (await dead(messageIds)).length, { timeout: 20_000 }).toBe(10);
    const [{ fingerprint } = { fingerprint: '' }] = await dead(messageIds);

    const started = performance.now();
    const actionId = await operate(FailureActionTypes.retry, { filter: { fingerprint }, ratePerSecond: 10 });
    const action = await statuses().waitUntilDone(actionId, 30_000);
    const seconds = (performance.now() - started) / 1000;
    expect(action).toMatchObject({
      status: 'succeeded',
      result: { done: 11, missing: 0, failed: 0 },
      progress: { done: 11, total: 11, failed: 0 },
    });
    // 11 messages at 10 a second: the pace holds them to at least a second.
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(await dead(messageIds)).toEqual([]);
    for (const id of messageIds)
      await expect
        .poll(async () => (await statuses().find(id))?.status, { timeout: 20_000 })
        .toBe('succeeded');
    const userIds = commands.map((command) => (command.payload as { userId: string }).userId);
    expect(await usersNamed(userIds)).toBe(10);
  });

  it('purges what a filter selects and leaves the rest dead', async () => {
    const [gone, kept] = [register(), register()];
    await acceptAndKill(gone);
    await acceptAndKill(kept);
    const both = [gone.meta.commandId, kept.meta.commandId];
    await expect.poll(async () => (await dead(both)).length, { timeout: 20_000 }).toBe(2);
    const row = await runtime.db
      .selectFrom('platform.failures')
      .select('id')
      .where('message_id', '=', gone.meta.commandId)
      .executeTakeFirstOrThrow();
    const actionId = await operate(FailureActionTypes.purge, { filter: { ids: [row.id] } });
    expect(await statuses().waitUntilDone(actionId, 30_000)).toMatchObject({
      status: 'succeeded',
      result: { done: 1 },
    });
    expect((await dead(both)).map((failure) => failure.message_id)).toEqual([kept.meta.commandId]);
  });

  it('refuses a filter that is not one (poison: dead-lettered, recorded, never run)', async () => {
    const actionId = await operate(FailureActionTypes.purge, { filter: { everything: true } });
    await expect.poll(async () => (await dead([actionId])).length, { timeout: 20_000 }).toBe(1);
  });
});
