import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import { reopenDeadCommands } from '../commands/reopen-dead-commands.js';
import { deadCommandId } from '../messaging/dead-letter-reconciler.js';
import type { Topology } from '../messaging/topology.js';
import type { DeadLetter, RedriveHook } from '../rabbitmq/rabbitmq-dead-letters.js';
import { groupCommit } from '../timing/group-commit.js';

/** Options of {@link deadCommandRedriveHook}. */
export interface DeadCommandRedriveOptions {
  /** Runs in the transaction once every copy of a batch is confirmed, before it commits (marks them retried). */
  readonly confirmed?:
    | ((trx: Kysely<PlatformTables>, letters: readonly DeadLetter[]) => Promise<void>)
    | undefined;
}

interface Redrive {
  readonly letter: DeadLetter;
  readonly publish: () => Promise<void>;
}

/**
 * The redrive hook that makes a redriven command run again: in one transaction, reopens the command (when it
 * failed because its message was dead-lettered), publishes the copy and waits for its confirm; the copy's
 * consumer waits on the row lock, so it sees the command `pending` once the publish is confirmed and the
 * transaction committed, or `failed` again (and skips it) when either failed. Events go through untouched:
 * their inbox deduplicates. The calls made while a transaction runs share the next one, and fail together:
 * each resolves once its transaction committed.
 */
export function deadCommandRedriveHook(
  db: Kysely<PlatformTables>,
  topology: Topology,
  options: DeadCommandRedriveOptions = {},
): RedriveHook {
  const commandDeadLetterQueues = new Set([...topology.commandQueues.values()].map((q) => q.deadLetterQueue));
  const commandIdOf = (letter: DeadLetter) =>
    commandDeadLetterQueues.has(letter.deadLetterQueue) ? deadCommandId(letter) : undefined;
  const redrive = groupCommit<Redrive>(async (batch) => {
    await db.transaction().execute(async (trx) => {
      const commandIds = batch.map(({ letter }) => commandIdOf(letter)).filter((id) => id !== undefined);
      await reopenDeadCommands(trx, commandIds);
      const sent = await Promise.allSettled(batch.map(({ publish }) => publish()));
      const refused = sent.find((outcome) => outcome.status === 'rejected');
      if (refused !== undefined) throw refused.reason;
      await options.confirmed?.(
        trx,
        batch.map(({ letter }) => letter),
      );
    });
  });
  return (letter, publish) => redrive({ letter, publish });
}
