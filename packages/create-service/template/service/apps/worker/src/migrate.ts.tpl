import type { ContextModule, Logger } from '@contextflow/core-infra';
import { createRuntime, pendingMigrations, postgresDatabase } from '@contextflow/runtime';

/**
 * Applies the platform's migrations and every module's to the database (the ones a new release of a context
 * package brings too), then closes the pool; answers what it applied, as `<schema>/<name>`.
 */
export async function migrate(options: {
  readonly databaseUrl: string;
  readonly modules: readonly ContextModule[];
  readonly logger: Logger;
}): Promise<string[]> {
  const runtime = await createRuntime({
    database: postgresDatabase({ url: options.databaseUrl, poolSize: 2 }),
    modules: options.modules,
    logger: options.logger,
  });
  try {
    const sets = options.modules.map((module) => ({ schema: module.name, migrations: module.migrations }));
    const pending = await pendingMigrations(runtime.db, sets);
    await runtime.migrate();
    return pending;
  } finally {
    await runtime.stop();
  }
}
