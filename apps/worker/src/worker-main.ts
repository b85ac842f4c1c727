// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill before anything else
import 'reflect-metadata';
import { createLogger } from '@contextflow/core-infra';
import { ConfigError } from '@contextflow/core-infra/config';
import { serveOperations, stopOnSignals } from '@contextflow/runtime';
import { type AppConfig, loadConfig, tracingOf } from '@contextflow/runtime/config';
import { CliError, parseCli, USAGE } from './cli.js';
import { runDeadLetters } from './dead-letters.js';
import { migrate } from './migrate.js';
import { modules } from './modules.js';
import { describeError, OperatorError } from './operator-error.js';
import { processIo } from './operator-io.js';
import { runOutboxStatus } from './outbox-status.js';
import { runProcesses } from './processes.js';
import { runSchedules } from './schedules.js';
import { runWorker } from './run-worker.js';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

function required(value: string | undefined, name: string): string {
  return value ?? fail(`Invalid configuration: ${name} is required by the worker`);
}

/**
 * Runs an operator command and exits with its code: a bad command line exits 2 with the usage, a failure 1
 * with one line saying why (no stack trace).
 */
async function operate(work: () => Promise<number>): Promise<never> {
  try {
    process.exit(await work());
  } catch (error) {
    if (error instanceof CliError) fail(`${error.message}\n\n${USAGE}`, 2);
    if (error instanceof OperatorError) fail(`error: ${error.message}`);
    fail(`error: ${describeError(error)}`);
  }
}

/**
 * The worker's command line: `run`, `migrate`, `dead-letters ...`, `outbox status`, `schedules ...`,
 * `processes ...`, `help`.
 */
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
  const logger = createLogger({ level: config.logLevel, name: 'worker' });
  const namespace = config.amqpNamespace === '' ? undefined : config.amqpNamespace;
  if (command.command === 'dead-letters') {
    const amqpUrl = required(config.amqpUrl, 'AMQP_URL');
    const { databaseUrl } = config;
    return operate(() =>
      runDeadLetters(command, { amqpUrl, databaseUrl, namespace, modules, logger, io: processIo }),
    );
  }
  const databaseUrl = required(config.databaseUrl, 'DATABASE_URL');
  if (command.command === 'outbox-status')
    return operate(() => runOutboxStatus({ databaseUrl, io: processIo }));
  if (command.command === 'schedules')
    return operate(() => runSchedules(command, { databaseUrl, io: processIo }));
  if (command.command === 'processes')
    return operate(() => runProcesses(command, { databaseUrl, io: processIo }));
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
    namespace,
    tracing: tracingOf(config, 'contextflow-worker'),
    retention: config.retention,
  });
  const operations = await serveOperations({
    port: config.workerHttpPort,
    hostname: config.opsHost,
    metrics: runtime.metrics,
    readiness: runtime.readinessChecks({ broker: true }),
    logger,
  });
  logger.info({ address: operations.address, port: operations.port }, 'operations server listening');

  stopOnSignals({
    runtime,
    logger,
    deadlineMs: config.shutdownTimeoutMs,
    draining: 'in-flight messages',
    after: () => operations.close(),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
