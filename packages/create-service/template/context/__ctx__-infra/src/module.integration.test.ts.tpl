import { type __Agg__View, Create__Agg__Command, Get__Agg__Query } from '@__scope__/__ctx__-app';
import { CommandBus, IdGenerator, QueryBus } from '@contextflow/core';
import { CommandStatusReader, createLogger } from '@contextflow/core-infra';
import { createRuntime, postgresDatabase, rabbitMqTransport, type Runtime } from '@contextflow/runtime';
import {
  buildCommand,
  createTestDatabase,
  removeTopology,
  type TestDatabase,
  testAmqpUrl,
  uniquePrefix,
} from '@contextflow/runtime/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { __ctx__Module } from './module.js';

let database: TestDatabase;
let runtime: Runtime;

beforeAll(async () => {
  database = await createTestDatabase();
  // PostgreSQL and RabbitMQ, under broker names of this test's own: the command and the reaction run here.
  runtime = await createRuntime({
    database: postgresDatabase({ url: database.url }),
    transport: rabbitMqTransport({ url: testAmqpUrl() }),
    namespace: uniquePrefix('__ctx__'),
    modules: [__ctx__Module],
    logger: createLogger({ level: 'silent' }),
  });
  await runtime.migrate();
  await runtime.startWorker();
  await runtime.startRelay();
});

afterAll(async () => {
  await runtime?.stop();
  if (runtime !== undefined) await removeTopology(runtime.topology);
  await database?.drop();
});

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the __ctx__ module on PostgreSQL', () => {
  it('creates a __agg__ through the command bus, answers its query and runs the reaction once', async () => {
    const __agg__Id = runtime.container.resolve<IdGenerator>(IdGenerator).next();
    const command = buildCommand(Create__Agg__Command.type, { __agg__Id, title: 'First' });
    await runtime.container.resolve<CommandBus>(CommandBus).send(command);
    const record = await runtime.container
      .resolve<CommandStatusReader>(CommandStatusReader)
      .waitUntilDone(command.meta.commandId, 10_000);
    expect(record?.status).toBe('succeeded');

    const view = await runtime.container
      .resolve<QueryBus>(QueryBus)
      .ask<__Agg__View>({ type: Get__Agg__Query.type, params: { __agg__Id }, actor: null });
    expect(view).toMatchObject({ id: __agg__Id, title: 'First' });

    const activity = await eventually(async () => {
      const { rows } = await sql<{
        type: string;
      }>`select type from __ctx__.__agg___activity where __agg___id = ${__agg__Id}`.execute(runtime.db);
      return rows.length > 0 ? rows : undefined;
    });
    expect(activity).toEqual([{ type: '__ctx__.__agg__-created' }]);
  });
});
