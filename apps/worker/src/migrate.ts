import { type ContextModule, createRuntime, type Logger } from '@contextflow/core-infra';

/** Applies the platform migrations and every module's to the database, then closes the pool. */
export async function migrate(options: {
  readonly databaseUrl: string;
  readonly modules: readonly ContextModule[];
  readonly logger: Logger;
}): Promise<void> {
  const runtime = await createRuntime({ ...options, poolSize: 2 });
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
