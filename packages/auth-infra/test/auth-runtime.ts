import { Account, AccountRepository, Email, newStamp } from '@contextflow/auth-domain';
import { Clock, IdGenerator } from '@contextflow/core';
import { createLogger } from '@contextflow/core-infra';
import { createRuntime, postgresDatabase, runInUnitOfWork, type Runtime } from '@contextflow/runtime';
import { createTestDatabase, type TestDatabase } from '@contextflow/runtime/testing';
import { afterAll, beforeAll } from 'vitest';
import { loadAuthConfig } from '../src/config/load-auth-config.js';
import { createAuthModule } from '../src/module.js';

/**
 * The auth module alone on a database of its own for one test file: created and migrated before its tests,
 * stopped and dropped after them. Returns the way to reach the runtime from inside a test.
 */
export function authRuntime(): () => Runtime {
  let database: TestDatabase | undefined;
  let runtime: Runtime | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    runtime = await createRuntime({
      database: postgresDatabase({ url: database.url }),
      modules: [createAuthModule(loadAuthConfig({}))],
      logger: createLogger({ level: 'silent' }),
    });
    await runtime.migrate();
  });
  afterAll(async () => {
    await runtime?.stop();
    await database?.drop();
  });
  return () => {
    if (runtime === undefined) throw new Error('authRuntime: the runtime exists only inside the tests');
    return runtime;
  };
}

/** A new account (a stub hash, not a real one) saved through the repository in a unit of work of its own. */
export async function savedAccount(runtime: Runtime, email: string): Promise<Account> {
  const ids = runtime.container.resolve<IdGenerator>(IdGenerator);
  const account = Account.register(
    { id: ids.next(), email: Email.parse(email), passwordHash: '$argon2id$stub', name: 'Ada' },
    newStamp(ids, runtime.container.resolve<Clock>(Clock)),
  );
  await runInUnitOfWork(runtime.container, runtime.db, (scope) =>
    scope.resolve<AccountRepository>(AccountRepository).save(account),
  );
  return account;
}
