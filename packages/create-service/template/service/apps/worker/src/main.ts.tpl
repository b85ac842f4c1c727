// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill before anything else
import 'reflect-metadata';
import { createLogger } from '@contextflow/core-infra';
import { ConfigError } from '@contextflow/core-infra/config';
import { stopOnSignals } from '@contextflow/runtime';
import { loadConfig } from '@contextflow/runtime/config';
import { migrate } from './migrate.js';
import { modules } from './modules.js';
import { runWorker } from './run-worker.js';

const USAGE = `usage: worker <command>
  run       consume commands and events, and relay the outbox (DATABASE_URL, AMQP_URL)
  migrate   apply the platform's and every context's migrations to DATABASE_URL, then exit`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

/** The worker's command line: `run` or `migrate`. */
async function main(): Promise<void> {
  const command = process.argv[2];
  if (command !== 'run' && command !== 'migrate') fail(USAGE, 2);
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, name: 'worker' });
  const databaseUrl =
    config.databaseUrl ?? fail('Invalid configuration: DATABASE_URL is required by the worker');
  if (command === 'migrate') {
    const applied = await migrate({ databaseUrl, modules, logger });
    console.log(`migrations applied: ${applied.join(', ') || 'none new'}`);
    return;
  }
  const amqpUrl = config.amqpUrl ?? fail('Invalid configuration: AMQP_URL is required by the worker');
  const runtime = await runWorker({ databaseUrl, amqpUrl, namespace: config.amqpNamespace, modules, logger });
  stopOnSignals({ runtime, logger, deadlineMs: config.shutdownTimeoutMs, draining: 'in-flight messages' });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
