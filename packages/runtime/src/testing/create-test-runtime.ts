import { postgresDatabase } from '../database/postgres-database.js';
import { rabbitMqTransport } from '../rabbitmq/rabbitmq-transport-factory.js';
import { createRuntime } from '../runtime/create-runtime.js';
import type { Runtime, RuntimeOptions } from '../runtime/runtime.js';
import { createTestDatabase, type TestDatabase } from './create-test-database.js';
import { testAmqpUrl } from './test-urls.js';

/** Options of {@link createTestRuntime}: a runtime's, but for its database and transport. */
export interface TestRuntimeOptions extends Omit<RuntimeOptions, 'database' | 'transport'> {
  /** Connections of the database's pool (default: the runtime's). */
  readonly poolSize?: number | undefined;
}

/** A runtime of a test file and the database of its own it runs on. */
export interface TestRuntime {
  readonly runtime: Runtime;
  readonly database: TestDatabase;
}

/**
 * Creates a runtime on the shared services, as an app would: a new test database ({@link createTestDatabase})
 * and the test broker ({@link testAmqpUrl}); give it a unique `namespace`. Nothing is started. The database is
 * dropped again when the runtime cannot be created; `tearDownRuntime` ends both.
 */
export async function createTestRuntime(options: TestRuntimeOptions): Promise<TestRuntime> {
  const { poolSize, ...rest } = options;
  const database = await createTestDatabase();
  try {
    const runtime = await createRuntime({
      ...rest,
      database: postgresDatabase({ url: database.url, poolSize }),
      transport: rabbitMqTransport({ url: testAmqpUrl() }),
    });
    return { runtime, database };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
