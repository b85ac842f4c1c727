// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { CommandBus, UuidV7Generator } from '@contextflow/core';
import { CommandStatusReader, createLogger } from '@contextflow/core-infra';
import type { Runtime } from '@contextflow/runtime';
import {
  buildCommand,
  createTestDatabase,
  tearDownRuntime,
  testAmqpUrl,
  type TestDatabase,
  uniquePrefix,
} from '@contextflow/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { modules } from './modules.js';
import { runWorker } from './run-worker.js';

describe('runWorker', () => {
  const logger = createLogger({ level: 'silent' });
  let database: TestDatabase;
  let runtime: Runtime | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrate({ databaseUrl: database.url, modules, logger });
  });

  afterAll(async () => {
    await tearDownRuntime(runtime, database);
  });

  it('runs an accepted command of a context module to success', async () => {
    runtime = await runWorker({
      databaseUrl: database.url,
      amqpUrl: testAmqpUrl(),
      modules,
      logger,
      concurrency: 2,
      namespace: uniquePrefix('worker'),
    });
    const ids = new UuidV7Generator();
    const command = buildCommand('users.register-user', {
      userId: ids.next(),
      email: 'ada@example.com',
      name: 'Ada Lovelace',
    });
    const { commandId } = command.meta;
    await runtime.container.resolve<CommandBus>(CommandBus).send(command);
    const record = await runtime.container
      .resolve<CommandStatusReader>(CommandStatusReader)
      .waitUntilDone(commandId, 20_000);
    expect(record?.status).toBe('succeeded');
  });

  it('stops within its deadline', async () => {
    const started = Date.now();
    await runtime?.stop({ deadlineMs: 5_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
