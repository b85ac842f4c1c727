// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill before anything else
import 'reflect-metadata';
import { loadAuthConfig } from '@contextflow/auth-infra';
import { createLogger } from '@contextflow/core-infra';
import { ConfigError } from '@contextflow/core-infra/config';
import { createRuntime, postgresDatabase, stopOnSignals } from '@contextflow/runtime';
import { loadConfig, tracingOf } from '@contextflow/runtime/config';
import { bootstrapAdmin } from './bootstrap-admin.js';
import { buildApp } from './build-app.js';
import { modules } from './modules.js';
import { serveHttp } from './serve-http.js';
import { serveMetrics } from './serve-metrics.js';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/**
 * Starts the HTTP API: configuration, runtime, the bootstrap administrator, the API server and the operations
 * server (`/metrics`, `/health/*` on METRICS_PORT, bound to OPS_HOST); SIGTERM/SIGINT drain it and exit 0. A
 * bootstrap administrator it may not make stops it with one line, exit 1.
 */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  let authConfig: ReturnType<typeof loadAuthConfig>;
  try {
    config = loadConfig();
    authConfig = loadAuthConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const { databaseUrl } = config;
  if (databaseUrl === undefined) {
    fail(
      'Invalid configuration: DATABASE_URL is required by the HTTP app (the embedded, all-in-one mode is `pnpm dev`)',
    );
  }
  const logger = createLogger({ level: config.logLevel, name: 'http' });
  // No transport: this app accepts commands into the outbox and reads; the worker publishes and consumes.
  const runtime = await createRuntime({
    database: postgresDatabase({ url: databaseUrl }),
    modules,
    logger,
    tracing: tracingOf(config, 'contextflow-http'),
  });
  // Ready = database reachable, migrations applied, not shutting down; this app never touches the broker.
  const readiness = runtime.readinessChecks();
  // Run once while the administrator is ensured (the migrations check remembers success), so the first
  // /health/ready answers at once; a check failing here fails again, and answers 503, when it is asked.
  const checked = Promise.allSettled(readiness.map((readinessCheck) => readinessCheck.check()));
  if (!(await bootstrapAdmin(runtime.container, authConfig, logger))) {
    await runtime.stop({ deadlineMs: 1_000 });
    process.exit(1);
  }
  const app = buildApp(runtime.container, modules, logger, config, readiness);
  await checked;
  const operations = await serveMetrics(runtime, config, readiness, logger);
  const server = await serveHttp(app, { port: config.port });
  logger.info({ url: server.url }, 'listening');

  stopOnSignals({
    runtime,
    logger,
    deadlineMs: config.shutdownTimeoutMs,
    draining: 'in-flight requests',
    before: () => server.close(config.shutdownTimeoutMs),
    after: () => operations.close(),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
