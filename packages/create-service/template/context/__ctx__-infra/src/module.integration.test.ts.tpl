import {
  type __Agg__View,
  Create__Agg__Command,
  FollowUp__Agg__Process,
  Get__Agg__Query,
} from '@__scope__/__ctx__-app';
import { IdGenerator, QueryBus } from '@contextflow/core';
import { postgresDatabase, rabbitMqTransport } from '@contextflow/runtime';
import {
  buildCommand,
  createTestDatabase,
  removeTopology,
  startTestHarness,
  type TestDatabase,
  type TestHarness,
  testAmqpUrl,
  uniquePrefix,
} from '@contextflow/runtime/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { __ctx__Module } from './module.js';

let database: TestDatabase;
let harness: TestHarness;

beforeAll(async () => {
  database = await createTestDatabase();
  // PostgreSQL and RabbitMQ, under broker names of this test's own, on a clock the test moves.
  harness = await startTestHarness({
    database: postgresDatabase({ url: database.url }),
    transport: rabbitMqTransport({ url: testAmqpUrl() }),
    namespace: uniquePrefix('__ctx__'),
    modules: [__ctx__Module],
  });
});

afterAll(async () => {
  await harness?.stop();
  if (harness !== undefined) await removeTopology(harness.runtime.topology);
  await database?.drop();
});

const followUp = (__agg__Id: string) =>
  harness.runtime.db
    .selectFrom('platform.processes')
    .select('status')
    .where('process', '=', FollowUp__Agg__Process.processName)
    .where('correlation_id', '=', __agg__Id)
    .executeTakeFirst();

describe('the __ctx__ module on PostgreSQL', () => {
  it('creates a __agg__ through the command bus, answers its query and runs the reaction once', async () => {
    const { runtime } = harness;
    const __agg__Id = runtime.container.resolve<IdGenerator>(IdGenerator).next();
    const record = await harness.send(buildCommand(Create__Agg__Command.type, { __agg__Id, title: 'First' }));
    expect(record.status).toBe('succeeded');

    const view = await runtime.container
      .resolve<QueryBus>(QueryBus)
      .ask<__Agg__View>({ type: Get__Agg__Query.type, params: { __agg__Id }, actor: null });
    expect(view).toMatchObject({ id: __agg__Id, title: 'First' });

    const { rows } = await sql<{
      type: string;
    }>`select type from __ctx__.__agg___activity where __agg___id = ${__agg__Id}`.execute(runtime.db);
    expect(rows).toEqual([{ type: '__ctx__.__agg__-created' }]);
  });

  it('follows a new __agg__ up a day later, on the test clock', async () => {
    const __agg__Id = harness.runtime.container.resolve<IdGenerator>(IdGenerator).next();
    await harness.send(buildCommand(Create__Agg__Command.type, { __agg__Id, title: 'Later' }));
    expect(await followUp(__agg__Id)).toEqual({ status: 'running' });
    await harness.advance(FollowUp__Agg__Process.afterMs - 1);
    expect(await followUp(__agg__Id)).toEqual({ status: 'running' });
    await harness.advance(1);
    expect(await followUp(__agg__Id)).toEqual({ status: 'completed' });
  });
});
