import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import { reopenDeadCommand } from '../commands/reopen-dead-command.js';
import { deadCommandId } from '../messaging/dead-letter-reconciler.js';
import type { Topology } from '../messaging/topology.js';
import type { RedriveHook } from '../rabbitmq/rabbitmq-dead-letters.js';

/**
 * The redrive hook that makes a redriven command run again: in one transaction, reopens the command (when it
 * failed because its message was dead-lettered) and publishes the copy; the copy's consumer waits on the row
 * lock, so it sees the command `pending` once the publish is confirmed and the transaction committed, or
 * `failed` again (and skips it) when either failed. Events go through untouched: their inbox deduplicates.
 */
export function deadCommandRedriveHook(db: Kysely<PlatformTables>, topology: Topology): RedriveHook {
  const commandDeadLetterQueues = new Set([...topology.commandQueues.values()].map((q) => q.deadLetterQueue));
  return async (letter, publish) => {
    const commandId = commandDeadLetterQueues.has(letter.deadLetterQueue) ? deadCommandId(letter) : undefined;
    if (commandId === undefined) return publish();
    await db.transaction().execute(async (trx) => {
      await reopenDeadCommand(trx, commandId);
      await publish();
    });
  };
}
