import type { Runtime } from '../runtime/runtime.js';
import type { TestDatabase } from './create-test-database.js';
import { removeTopology } from './remove-topology.js';

/**
 * Ends a runtime a test file started on the shared PostgreSQL and RabbitMQ: stops it (5 s for in-flight work),
 * deletes its topology from the broker and drops its database. What was never made (a `beforeAll` that failed
 * half-way) is skipped.
 */
export async function tearDownRuntime(
  runtime: Runtime | undefined,
  database: TestDatabase | undefined,
): Promise<void> {
  if (runtime !== undefined) {
    await runtime.stop({ deadlineMs: 5_000 });
    await removeTopology(runtime.topology);
  }
  await database?.drop();
}
