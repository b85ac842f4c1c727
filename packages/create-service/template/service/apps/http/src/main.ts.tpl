// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill before anything else
import 'reflect-metadata';
import { createLogger } from '@contextflow/core-infra';
import { ConfigError } from '@contextflow/core-infra/config';
import { createRuntime, postgresDatabase, stopOnSignals } from '@contextflow/runtime';
import { loadConfig } from '@contextflow/runtime/config';
import { buildApp } from './build-app.js';
import { modules } from './modules.js';
import { serveHttp } from './serve-http.js';

/**
 * The HTTP API on PostgreSQL (`pnpm start:http`): it accepts commands into the outbox and answers queries;
 * the worker (`pnpm start:worker`) publishes and handles them. Migrations are the worker's `migrate`.
 */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (config.databaseUrl === undefined) {
    console.error(
      'Invalid configuration: DATABASE_URL is required (the embedded, all-in-one mode is `pnpm dev`)',
    );
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel, name: 'http' });
  const runtime = await createRuntime({
    database: postgresDatabase({ url: config.databaseUrl }),
    modules,
    logger,
  });
  const server = await serveHttp(buildApp(runtime.container, modules, logger, config), { port: config.port });
  logger.info({ url: server.url }, 'listening');
  stopOnSignals({
    runtime,
    logger,
    deadlineMs: config.shutdownTimeoutMs,
    draining: 'in-flight requests',
    before: () => server.close(),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
