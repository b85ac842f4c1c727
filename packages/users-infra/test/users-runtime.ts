import { createLogger } from '@contextflow/core-infra';
import { createRuntime, postgresDatabase, type Runtime } from '@contextflow/runtime';
import { createTestDatabase } from '@contextflow/runtime/testing';
import { usersModule } from '../src/module.js';

/** The users module's runtime on a fresh, migrated test database (no broker), and how to tear it down. */
export interface UsersRuntime {
  readonly runtime: Runtime;
  close(): Promise<void>;
}

/** Starts a {@link UsersRuntime}; call `close()` in `afterAll`. */
export async function startUsersRuntime(): Promise<UsersRuntime> {
  const database = await createTestDatabase();
  const runtime = await createRuntime({
    database: postgresDatabase({ url: database.url }),
    modules: [usersModule],
    logger: createLogger({ level: 'silent' }),
  });
  await runtime.migrate();
  return {
    runtime,
    close: async () => {
      await runtime.stop();
      await database.drop();
    },
  };
}
