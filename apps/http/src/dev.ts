// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill before anything else
import 'reflect-metadata';
import { loadAuthConfig } from '@contextflow/auth-infra';
import { createLogger } from '@contextflow/core-infra';
import { ConfigError } from '@contextflow/core-infra/config';
import { embeddedDatabase, inProcessTransport } from '@contextflow/embedded';
import {
  createRuntime,
  type OperationsServer,
  postgresDatabase,
  rabbitMqTransport,
  type RuntimeMode,
  stopOnSignals,
} from '@contextflow/runtime';
import { loadConfig, tracingOf } from '@contextflow/runtime/config';
import { answerQueriesOverIpc } from './answer-queries-over-ipc.js';
import { bootstrapAdmin } from './bootstrap-admin.js';
import { buildApp } from './build-app.js';
import { modules } from './modules.js';
import { serveHttp } from './serve-http.js';
import { serveMetrics } from './serve-metrics.js';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** One line saying what the process runs on, so nobody mistakes an in-memory system for the real one. */
function describe(mode: RuntimeMode): string {
  const database =
    mode.database === 'postgresql'
      ? 'PostgreSQL'
      : mode.dataDir === undefined
        ? 'PGlite in memory'
        : `PGlite in ${mode.dataDir}`;
  const messaging = mode.messaging === 'rabbitmq' ? 'RabbitMQ' : `${mode.messaging} messaging`;
  const embedded = [mode.database !== 'postgresql', mode.messaging !== 'rabbitmq'].filter(Boolean).length;
  const label = embedded === 2 ? 'EMBEDDED' : embedded === 1 ? 'PARTLY EMBEDDED' : 'on external services';
  return `contextflow running ${label} (${database}, ${messaging})`;
}

/**
 * `pnpm dev`: the whole system in one process — migrations, the worker's consumers, the outbox relay and the
 * HTTP API. Without DATABASE_URL it runs on PGlite (in memory, or in DATA_DIR), without AMQP_URL on the
 * in-process broker. It listens on 127.0.0.1 unless HOST says otherwise, with its metrics on METRICS_PORT
 * (OPS_HOST); SIGINT/SIGTERM stop it cleanly.
 */
async function dev(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  let authConfig: ReturnType<typeof loadAuthConfig>;
  try {
    config = loadConfig();
    authConfig = loadAuthConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, name: 'dev' });
  const runtime = await createRuntime({
    database:
      config.databaseUrl === undefined
        ? embeddedDatabase({ dataDir: config.dataDir })
        : postgresDatabase({ url: config.databaseUrl }),
    transport:
      config.amqpUrl === undefined ? inProcessTransport() : rabbitMqTransport({ url: config.amqpUrl }),
    namespace: config.amqpNamespace,
    modules,
    logger,
    migrate: true,
    tracing: tracingOf(config, 'contextflow-dev'),
  });
  // Only a parent process that spawned this one with an IPC channel can ask (the e2e harness): no socket.
  if (config.nodeEnv === 'test') answerQueriesOverIpc(runtime.db);
  let server: Awaited<ReturnType<typeof serveHttp>>;
  let operations: OperationsServer;
  try {
    await runtime.startWorker({ concurrency: config.workerConcurrency });
    await runtime.startRelay();
    if (!(await bootstrapAdmin(runtime.container, authConfig, logger))) {
      await runtime.stop({ deadlineMs: 1_000 });
      process.exit(1);
    }
    const readiness = runtime.readinessChecks({ broker: true });
    const app = buildApp(runtime.container, modules, logger, config, readiness);
    operations = await serveMetrics(runtime, config, readiness, logger);
    server = await serveHttp(app, { port: config.port, hostname: process.env.HOST?.trim() || '127.0.0.1' });
  } catch (error) {
    await runtime.stop({ deadlineMs: 1_000 });
    throw error;
  }
  const readyMs = Math.round(process.uptime() * 1_000);
  logger.info(
    { mode: runtime.mode, url: server.url, readyMs, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) },
    'dev ready',
  );
  console.log(`${describe(runtime.mode)} — API ${server.url}, docs ${server.url}/docs`);
  const memory = runtime.mode.database === 'pglite' && runtime.mode.dataDir === undefined;
  console.log(
    `ready in ${(readyMs / 1_000).toFixed(1)} s${memory ? '; data is lost on exit (set DATA_DIR to keep it)' : ''}`,
  );

  stopOnSignals({
    runtime,
    logger,
    deadlineMs: config.shutdownTimeoutMs,
    draining: 'requests, messages and the relay',
    before: () => server.close(config.shutdownTimeoutMs),
    after: () => operations.close(),
  });
}

dev().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
