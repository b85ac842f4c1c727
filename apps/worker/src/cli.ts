import { parseArgs } from 'node:util';

/** A parsed command line of the worker. */
export type CliCommand =
  | {
      readonly command: 'run';
      readonly contexts: readonly string[] | undefined;
      readonly concurrency: number | undefined;
      readonly prefetch: number | undefined;
    }
  | { readonly command: 'migrate' }
  | { readonly command: 'help' };

/** The worker's usage text. */
export const USAGE = `Usage: worker <command> [options]

Commands:
  run        consume the command queues and event subscriptions, and relay the outbox
             --contexts users,auth   only these contexts (default: all)
             --concurrency N         messages handled at once per queue (default: WORKER_CONCURRENCY or 10)
             --prefetch N            messages the broker sends ahead per queue (default: 2 x concurrency)
  migrate    apply every context's migrations to DATABASE_URL
  help       show this text

Environment: DATABASE_URL, AMQP_URL, LOG_LEVEL, WORKER_CONCURRENCY, SHUTDOWN_TIMEOUT_MS,
  WORKER_HTTP_PORT (operations server: /metrics, /health/live, /health/ready; default 9464)`;

/** A command line the worker cannot run; the message says why. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

const positive = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new CliError(`--${name} must be a whole number ≥ 1`);
  return Number(value);
};

/** Parses the arguments after `node main.js`; throws a {@link CliError} for anything it cannot run. */
export function parseCli(argv: readonly string[]): CliCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (extra.length > 0) throw new CliError(`unexpected argument: ${extra.join(' ')}`);
  if (values.help === true || command === undefined || command === 'help') return { command: 'help' };
  const runOptions = ['contexts', 'concurrency', 'prefetch'] as const;
  if (command === 'migrate') {
    const misplaced = runOptions.find((option) => values[option] !== undefined);
    if (misplaced !== undefined) throw new CliError(`--${misplaced} applies to "run" only`);
    return { command: 'migrate' };
  }
  if (command !== 'run') throw new CliError(`unknown command: ${command}`);
  const contexts = values.contexts
    ?.split(',')
    .map((context) => context.trim())
    .filter((context) => context !== '');
  if (contexts !== undefined && contexts.length === 0)
    throw new CliError('--contexts needs at least one context');
  return {
    command: 'run',
    contexts,
    concurrency: positive('concurrency', values.concurrency),
    prefetch: positive('prefetch', values.prefetch),
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      contexts: { type: 'string' },
      concurrency: { type: 'string' },
      prefetch: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
