import type { ContextModule, Logger } from '@contextflow/core-infra';
import { createDatabase } from '@contextflow/runtime';
import { buildTopology, type Topology } from '@contextflow/runtime/messaging';
import {
  type DeadLetterResult,
  FailureActions,
  RabbitMqDeadLetters,
  UnknownQueueError,
} from '@contextflow/runtime/operations';
import { CliError, type DeadLettersCommand } from './cli.js';
import { formatDeadLetter, formatDeadLetters } from './format-dead-letters.js';
import { describeError, OperatorError } from './operator-error.js';
import { type OperatorIo, progressReporter } from './operator-io.js';

/** What `dead-letters` needs. */
export interface DeadLettersContext {
  readonly amqpUrl: string;
  /** Needed by `redrive` and `purge`: a redriven command is reopened, and the failures are marked, in the database. */
  readonly databaseUrl: string | undefined;
  readonly namespace: string | undefined;
  readonly modules: readonly ContextModule[];
  readonly logger: Logger;
  readonly io: OperatorIo;
}

/**
 * Runs a `dead-letters` action against the dead-letter queues of these modules' topology and returns the exit
 * code: 0 when everything asked for was done, 1 when some ids were not found or some messages stayed.
 * Throws {@link CliError} for a queue the topology does not know, {@link OperatorError} when the broker or
 * the database cannot be reached.
 */
export async function runDeadLetters(
  command: DeadLettersCommand,
  context: DeadLettersContext,
): Promise<number> {
  const { io } = context;
  const topology = buildTopology(
    context.modules,
    context.namespace === undefined ? {} : { namespace: context.namespace },
  );
  const deadLetters = new RabbitMqDeadLetters({ url: context.amqpUrl, topology, logger: context.logger });
  try {
    try {
      deadLetters.queues(command.queue);
    } catch (error) {
      if (error instanceof UnknownQueueError) throw new CliError(error.message);
      throw error;
    }
    try {
      await deadLetters.ready(5_000);
    } catch (error) {
      throw new OperatorError(`cannot reach RabbitMQ at ${hostOf(context.amqpUrl)}: ${describeError(error)}`);
    }
    switch (command.action) {
      case 'list': {
        const letters = await deadLetters.list({ queue: command.queue, limit: command.limit });
        const total = (await deadLetters.counts(command.queue)).reduce(
          (sum, queue) => sum + queue.messages,
          0,
        );
        if (letters.length === 0) io.out('no dead letters');
        else for (const line of formatDeadLetters(letters)) io.out(line);
        if (letters.length < total) io.err(`showing ${letters.length} of ${total} dead letters (--limit)`);
        return 0;
      }
      case 'show': {
        const copies = await deadLetters.find(command.id, command.queue);
        if (copies.length === 0) throw new OperatorError(`no dead letter with message id ${command.id}`);
        for (const copy of copies) io.out(formatDeadLetter(copy));
        return 0;
      }
      default:
        return await act(command, context, deadLetters, topology);
    }
  } finally {
    await deadLetters.close();
  }
}

/** Redrives or purges through the failure actions: the code path the admin API's commands run too. */
async function act(
  command: Extract<DeadLettersCommand, { ids: unknown }>,
  context: DeadLettersContext,
  deadLetters: RabbitMqDeadLetters,
  topology: Topology,
): Promise<number> {
  const { action } = command;
  if (context.databaseUrl === undefined)
    throw new OperatorError(
      `${action} needs DATABASE_URL: a redriven command is reopened, and the failures are marked, in the database`,
    );
  const db = createDatabase({ url: context.databaseUrl, poolSize: 2, applicationName: 'contextflow-cli' });
  try {
    try {
      await db.selectFrom('platform.commands').select('id').limit(1).execute();
    } catch (error) {
      throw new OperatorError(`cannot query PostgreSQL: ${describeError(error)}`);
    }
    const actions = new FailureActions(db, deadLetters, topology);
    const selection = { ids: command.ids === 'all' ? undefined : command.ids, queue: command.queue };
    const verb = action === 'redrive' ? 'redriven' : 'purged';
    const onProgress = progressReporter(context.io, verb);
    const result =
      action === 'redrive'
        ? await actions.redrive(selection, onProgress)
        : await actions.purge(selection, onProgress);
    return report(verb, result, context.io);
  } finally {
    await db.destroy();
  }
}

/** Says what was done and what was not; 1 when anything asked for was left undone. */
function report(verb: string, result: DeadLetterResult, io: OperatorIo): number {
  io.err(`${verb} ${result.done} dead letter${result.done === 1 ? '' : 's'}`);
  if (result.missing.length > 0) io.err(`not found: ${result.missing.join(', ')}`);
  for (const failure of result.failed)
    io.err(`not ${verb} ${failure.messageId ?? '(no id)'}: ${failure.reason}`);
  return result.missing.length > 0 || result.failed.length > 0 ? 1 : 0;
}

/** The host and port of a URL, never its credentials. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the configured URL';
  }
}
