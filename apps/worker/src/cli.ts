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
  | DeadLettersCommand
  | { readonly command: 'outbox-status' }
  | SchedulesCommand
  | ProcessesCommand
  | { readonly command: 'help' };

/** `schedules <action>`: the scheduled messages. */
export type SchedulesCommand =
  | { readonly command: 'schedules'; readonly action: 'list'; readonly limit: number }
  | { readonly command: 'schedules'; readonly action: 'cancel'; readonly key: string };

/** `processes <action>`: the process instances. */
export type ProcessesCommand =
  | { readonly command: 'processes'; readonly action: 'list'; readonly limit: number; readonly all: boolean }
  | { readonly command: 'processes'; readonly action: 'show'; readonly id: string };

/** `dead-letters <action>`: what to do, with which dead letters. */
export type DeadLettersCommand =
  | {
      readonly command: 'dead-letters';
      readonly action: 'list';
      readonly queue: string | undefined;
      readonly limit: number;
    }
  | {
      readonly command: 'dead-letters';
      readonly action: 'show';
      readonly id: string;
      readonly queue: string | undefined;
    }
  | {
      readonly command: 'dead-letters';
      readonly action: 'redrive' | 'purge';
      /** The message ids, or `all`. */
      readonly ids: readonly string[] | 'all';
      readonly queue: string | undefined;
    };

/** Dead letters `dead-letters list` shows unless `--limit` says otherwise. */
export const DEFAULT_LIST_LIMIT = 50;

/** The worker's usage text. */
export const USAGE = `Usage: worker <command> [options]

Commands:
  run        consume the command queues, event subscriptions and processes, relay the outbox, hand due
             scheduled messages to it, reconcile dead
             commands and purge expired dedupe records
             --contexts users,auth   only these contexts (default: all)
             --concurrency N         messages handled at once per queue (default: WORKER_CONCURRENCY or 10)
             --prefetch N            messages the broker sends ahead per queue (default: 2 x concurrency)
  migrate    apply every context's migrations to DATABASE_URL
  dead-letters list [--queue Q] [--limit N]
             id, type, queue it died in, reason, times, age of the dead letters (default limit ${DEFAULT_LIST_LIMIT})
  dead-letters show <message-id> [--queue Q]
             headers and body of a dead letter
  dead-letters redrive <message-id>... | --all [--queue Q]
             send dead letters back to the queue they died in (same message id; a command that failed
             because it was dead-lettered runs again); each is removed once the broker confirmed the copy
  dead-letters purge <message-id>... | --all [--queue Q]
             delete dead letters for good
  outbox status
             messages not yet published: how many, the oldest one's age, per kind
  schedules list [--limit N]
             scheduled messages, soonest due first: key, kind, type, when due (default limit ${DEFAULT_LIST_LIMIT})
  schedules cancel <key>
             cancel the message scheduled under the key (exit 1 when none is: fired, cancelled, unknown)
  processes list [--all] [--limit N]
             running process instances (--all: completed ones too), most recently changed first
  processes show <correlation-id>
             every process instance with this correlation id: status, version, state
  help       show this text

  Q is a work queue (users.commands) or its dead-letter queue (users.commands.dlq); default: every one.
  Progress of long operations goes to stderr. Exit codes: 0 done, 1 failed (or some ids not found),
  2 bad command line.

Environment: DATABASE_URL, AMQP_URL, AMQP_NAMESPACE, LOG_LEVEL, WORKER_CONCURRENCY, SHUTDOWN_TIMEOUT_MS,
  WORKER_HTTP_PORT (operations server: /metrics, /health/live, /health/ready; default 9464),
  OPS_HOST (the address it binds; default 127.0.0.1, a container sets 0.0.0.0),
  INBOX_RETENTION_DAYS (7), OUTBOX_RETENTION_DAYS (7), COMMAND_RETENTION_DAYS (30)`;

/** A command line the worker cannot run; the message says why. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

const positive = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new CliError(`--${name} must be a whole number ≥ 1`);
  return Number(value);
};

type Values = ReturnType<typeof parse>['values'];

/** Options each command takes; any other given is a usage error. */
const ALLOWED: Readonly<Record<string, readonly (keyof Values)[]>> = {
  run: ['contexts', 'concurrency', 'prefetch'],
  migrate: [],
  'dead-letters list': ['queue', 'limit'],
  'dead-letters show': ['queue'],
  'dead-letters redrive': ['queue', 'all'],
  'dead-letters purge': ['queue', 'all'],
  'outbox status': [],
  'schedules list': ['limit'],
  'schedules cancel': [],
  'processes list': ['limit', 'all'],
  'processes show': [],
};

const GROUPS: ReadonlySet<string> = new Set(['dead-letters', 'outbox', 'schedules', 'processes']);

/** Parses the arguments after `node main.js`; throws a {@link CliError} for anything it cannot run. */
export function parseCli(argv: readonly string[]): CliCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help === true || command === undefined || command === 'help') return { command: 'help' };
  const grouped = GROUPS.has(command);
  const action = grouped ? rest[0] : undefined;
  const args = grouped ? rest.slice(1) : rest;
  const name = grouped ? `${command} ${action ?? ''}`.trim() : command;
  const allowed = ALLOWED[name];
  if (allowed === undefined) {
    if (grouped && action === undefined) throw new CliError(`${command} needs an action`);
    throw new CliError(grouped ? `unknown ${command} action: ${action}` : `unknown command: ${command}`);
  }
  const given = (Object.keys(values) as (keyof Values)[]).filter((option) => values[option] !== undefined);
  const misplaced = given.find((option) => option !== 'help' && !allowed.includes(option));
  if (misplaced !== undefined) throw new CliError(`--${misplaced} does not apply to "${name}"`);
  const queue = values.queue?.trim();
  if (queue === '') throw new CliError('--queue needs a queue name');

  switch (name) {
    case 'run':
      return parseRun(values, args);
    case 'dead-letters list':
      noArguments(name, args);
      return {
        command: 'dead-letters',
        action: 'list',
        queue,
        limit: positive('limit', values.limit) ?? DEFAULT_LIST_LIMIT,
      };
    case 'dead-letters show': {
      const [id, ...extra] = args;
      if (id === undefined) throw new CliError('dead-letters show needs a message id');
      noArguments(name, extra);
      return { command: 'dead-letters', action: 'show', id, queue };
    }
    case 'dead-letters redrive':
    case 'dead-letters purge': {
      const verb = name === 'dead-letters redrive' ? 'redrive' : 'purge';
      if (values.all === true && args.length > 0)
        throw new CliError(`dead-letters ${verb} takes message ids or --all, not both`);
      if (values.all !== true && args.length === 0)
        throw new CliError(`dead-letters ${verb} needs message ids, or --all`);
      return {
        command: 'dead-letters',
        action: verb,
        ids: values.all === true ? 'all' : [...new Set(args)],
        queue,
      };
    }
    case 'outbox status':
      noArguments(name, args);
      return { command: 'outbox-status' };
    case 'schedules list':
    case 'processes list': {
      noArguments(name, args);
      const limit = positive('limit', values.limit) ?? DEFAULT_LIST_LIMIT;
      return name === 'schedules list'
        ? { command: 'schedules', action: 'list', limit }
        : { command: 'processes', action: 'list', limit, all: values.all === true };
    }
    case 'schedules cancel':
    case 'processes show': {
      const [id, ...extra] = args;
      if (id === undefined)
        throw new CliError(
          name === 'schedules cancel' ? `${name} needs a key` : `${name} needs a correlation id`,
        );
      noArguments(name, extra);
      return name === 'schedules cancel'
        ? { command: 'schedules', action: 'cancel', key: id }
        : { command: 'processes', action: 'show', id };
    }
    default:
      noArguments(name, args);
      return { command: 'migrate' };
  }
}

function parseRun(values: Values, args: readonly string[]): CliCommand {
  noArguments('run', args);
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

function noArguments(name: string, args: readonly string[]): void {
  if (args.length > 0) throw new CliError(`unexpected argument to "${name}": ${args.join(' ')}`);
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
      queue: { type: 'string' },
      limit: { type: 'string' },
      all: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
