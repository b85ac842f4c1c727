// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill before anything else
import 'reflect-metadata';
import { createLogger, serveOperations } from '@contextflow/core-infra';
import { type AppConfig, ConfigError, loadConfig, tracingOf } from '@contextflow/core-infra/config';
import { CliError, parseCli, USAGE } from './cli.js';
import { migrate } from './migrate.js';
import { modules } from './modules.js';
import { runWorker } from './run-worker.js';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

function required(value: string | undefined, name: string): string {
  return value ?? fail(`Invalid configuration: ${name} is required by the worker`);
}

/** The worker's command line: `run`, `migrate`, `help`. */
async function main(): Promise<void> {
  let command: ReturnType<typeof parseCli>;
  let config: AppConfig;
  try {
    command = parseCli(process.argv.slice(2));
    config = loadConfig();
  } catch (error) {
    if (error instanceof CliError) fail(`${error.message}\n\n${USAGE}`, 2);
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  if (command.command === 'help') {
    console.log(USAGE);
    return;
  }
  const databaseUrl = required(config.databaseUrl, 'DATABASE_URL');
  const logger = createLogger({ level: config.logLevel, name: 'worker' });
  if (command.command === 'migrate') {
    await migrate({ databaseUrl, modules, logger });
    return;
  }
  const runtime = await runWorker({
    databaseUrl,
    amqpUrl: required(config.amqpUrl, 'AMQP_URL'),
    modules,
    logger,
    contexts: command.contexts,
    concurrency: command.concurrency ?? config.workerConcurrency,
    prefetch: command.prefetch,
    namespace: config.amqpNamespace === '' ? undefined : config.amqpNamespace,
    tracing: tracingOf(config, 'contextflow-worker'),
  });
  const operations = await serveOperations({
    port: config.workerHttpPort,
    metrics: runtime.metrics,
    readiness: runtime.readinessChecks({ broker: true }),
    logger,
  });
  logger.info({ port: operations.port }, 'operations server listening');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    runtime.beginShutdown();
    logger.info(
      { signal, deadlineMs: config.shutdownTimeoutMs },
      'shutting down: finishing in-flight messages',
    );
    try {
      await runtime.stop({ deadlineMs: config.shutdownTimeoutMs });
      await operations.close();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
