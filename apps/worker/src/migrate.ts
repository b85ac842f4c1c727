import type { ContextModule, Logger } from '@contextflow/core-infra';
import { createRuntime, postgresDatabase } from '@contextflow/runtime';

/** Applies the platform migrations and every module's to the database, then closes the pool. */
export async function migrate(options: {
  readonly databaseUrl: string;
  readonly modules: readonly ContextModule[];
  readonly logger: Logger;
}): Promise<void> {
  const runtime = await createRuntime({
    database: postgresDatabase({ url: options.databaseUrl, poolSize: 2 }),
    modules: options.modules,
    logger: options.logger,
  });
  try {
    await runtime.migrate();
  } finally {
    await runtime.stop();
  }
  options.logger.info(
    { schemas: ['platform', ...options.modules.map((module) => module.name)] },
    'migrations applied',
  );
}
