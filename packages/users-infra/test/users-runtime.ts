import { createLogger } from '@contextflow/core-infra';
import { createRuntime, postgresDatabase, type Runtime } from '@contextflow/runtime';
import { createTestDatabase, type TestDatabase } from '@contextflow/runtime/testing';
import { afterAll, beforeAll } from 'vitest';
import { usersModule } from '../src/module.js';

/**
 * The users module alone on a database of its own (no broker) for one test file: created and migrated before
 * its tests, stopped and dropped after them. Returns the way to reach the runtime from inside a test.
 */
export function usersRuntime(): () => Runtime {
  let database: TestDatabase | undefined;
  let runtime: Runtime | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    runtime = await createRuntime({
      database: postgresDatabase({ url: database.url }),
      modules: [usersModule],
      logger: createLogger({ level: 'silent' }),
    });
    await runtime.migrate();
  });
  afterAll(async () => {
    await runtime?.stop();
    await database?.drop();
  });
  return () => {
    if (runtime === undefined) throw new Error('usersRuntime: the runtime exists only inside the tests');
    return runtime;
  };
}
