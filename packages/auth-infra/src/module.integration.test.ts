import { AccountRepository } from '@contextflow/auth-domain';
import { type Command, CommandBus, IdGenerator, SYSTEM_PRINCIPAL } from '@contextflow/core';
import { CommandStatusReader, createLogger } from '@contextflow/core-infra';
import { runInUnitOfWork, type Runtime } from '@contextflow/runtime';
import {
  createTestRuntime,
  tearDownRuntime,
  type TestDatabase,
  uniquePrefix,
} from '@contextflow/runtime/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savedAccount } from '../test/auth-runtime.js';
import { loadAuthConfig } from './config/load-auth-config.js';
import { createAuthModule } from './module.js';

let database: TestDatabase;
let runtime: Runtime;

beforeAll(async () => {
  ({ runtime, database } = await createTestRuntime({
    namespace: uniquePrefix('auth'),
    modules: [createAuthModule(loadAuthConfig({}))],
    logger: createLogger({ level: 'silent' }),
    migrate: true,
  }));
  await runtime.startWorker();
  await runtime.startRelay();
});

afterAll(async () => {
  await tearDownRuntime(runtime, database);
});

const command = (type: string, payload: unknown, actor = SYSTEM_PRINCIPAL): Command => {
  const commandId = runtime.container.resolve<IdGenerator>(IdGenerator).next();
  return {
    type,
    payload,
    meta: {
      commandId,
      actor,
      correlationId: commandId,
      causationId: commandId,
      issuedAt: new Date().toISOString(),
    },
  };
};
const bus = () => runtime.container.resolve<CommandBus>(CommandBus);
const rowsMentioning = async (secret: string) => {
  const { rows } = await sql<{ n: string }>`
    select (select count(*) from platform.commands c where c::text like ${`%${secret}%`})
         + (select count(*) from platform.outbox o where o::text like ${`%${secret}%`}) as n
  `.execute(runtime.db);
  return Number(rows[0]?.n);
};

describe('the auth module on PostgreSQL and RabbitMQ', () => {
  it('dead-letters a queued command whose payload breaks its schema on the first delivery, with no effect', async () => {
    const account = await savedAccount(runtime, 'ada@example.com');
    const broken = command('auth.grant-role', { accountId: account.id, role: 7 });
    await bus().send(broken);
    const record = await runtime.container
      .resolve<CommandStatusReader>(CommandStatusReader)
      .waitUntilDone(broken.meta.commandId, 20_000);
    // The handler would have refused the role itself (auth.unknown_role): it never saw the command.
    expect(record).toMatchObject({ status: 'failed', error: { code: 'commands.dead_lettered' } });
    expect(record?.error?.detail).toMatch(/\(rejected\)/);
    const { rows } = await sql<{ attempts: number }>`
      select attempts from platform.commands where id = ${broken.meta.commandId}
    `.execute(runtime.db);
    expect(rows).toEqual([{ attempts: 0 }]);
    const stored = await runInUnitOfWork(runtime.container, runtime.db, (scope) =>
      scope.resolve<AccountRepository>(AccountRepository).findById(account.id),
    );
    expect(stored?.roles).toEqual(['user']);
  });

  it('cannot queue a login: the bus refuses it, and its password reaches neither the commands nor the outbox', async () => {
    const login = command('auth.login', {
      email: 'ada@example.com',
      password: 'never queued 7c1e',
      clientAddress: '192.0.2.1',
    });
    await expect(bus().send(login)).rejects.toThrow(
      'command type "auth.login" is delivered in-process: CommandBus.execute runs it, it is never queued',
    );
    expect(await rowsMentioning('never queued 7c1e')).toBe(0);
  });

  it('never binds a command delivered in-process on the broker', () => {
    const routed = runtime.topology.bindings.map((binding) => binding.routingKey);
    expect(routed).toEqual(
      expect.arrayContaining(['auth.register-account', 'auth.grant-role', 'auth.revoke-role']),
    );
    for (const type of [
      'auth.login',
      'auth.refresh',
      'auth.logout',
      'auth.logout-all',
      'auth.ensure-bootstrap-admin',
    ])
      expect(routed).not.toContain(type);
  });
});
