// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill before anything else
import 'reflect-metadata';
import { createLogger } from '@contextflow/core-infra';
import { ConfigError } from '@contextflow/core-infra/config';
import { embeddedDatabase, inProcessTransport } from '@contextflow/embedded';
import { createRuntime, postgresDatabase, rabbitMqTransport, stopOnSignals } from '@contextflow/runtime';
import { loadConfig } from '@contextflow/runtime/config';
import { buildApp } from './build-app.js';
import { modules } from './modules.js';
import { serveHttp } from './serve-http.js';

/**
 * `pnpm dev`: the whole service in one process — migrations, consumers, the outbox relay and the HTTP API.
 * Without DATABASE_URL it runs on PGlite (in memory, or in DATA_DIR), without AMQP_URL on the in-process
 * broker: nothing to install. It listens on 127.0.0.1:PORT (3000); Ctrl-C stops it cleanly.
 */
async function dev(): Promise<void> {
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
  });
  await runtime.startWorker({ concurrency: config.workerConcurrency });
  await runtime.startRelay();
  const app = buildApp(runtime.container, modules, logger, config);
  const server = await serveHttp(app, {
    port: config.port,
    hostname: process.env.HOST?.trim() || '127.0.0.1',
  });
  const embedded =
    config.databaseUrl === undefined ? 'EMBEDDED (PGlite, in-process messaging)' : 'on PostgreSQL';
  console.log(`__name__ running ${embedded} — API ${server.url}, docs ${server.url}/docs`);
  stopOnSignals({
    runtime,
    logger,
    deadlineMs: config.shutdownTimeoutMs,
    draining: 'requests, messages and the relay',
    before: () => server.close(),
  });
}

dev().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
