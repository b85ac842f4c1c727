import type { PlatformTables } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';

/**
 * Error codes of a command that failed because its message was dead-lettered (out of attempts, or reconciled),
 * not because its handler said no: only those are reopened by a redrive.
 */
export const DEAD_COMMAND_CODES: readonly string[] = Object.freeze([
  'commands.processing_failed',
  'commands.dead_lettered',
]);

/**
 * Puts a command that failed because its message was dead-lettered back to `pending` (its error cleared), so
 * the redriven message runs it again; a command that failed for a domain reason, succeeded, or is still open
 * is left as it is. Call it inside the transaction that wraps the redrive's publish: the consumer of the copy
 * waits on the row lock until it commits. True when the command was reopened.
 */
export async function reopenDeadCommand(trx: Kysely<PlatformTables>, commandId: string): Promise<boolean> {
  const reopened = await trx
    .updateTable('platform.commands')
    .set({ status: 'pending', error: null, updated_at: sql`now()` })
    .where('id', '=', commandId)
    .where('status', '=', 'failed')
    .where(sql<string>`error->>'code'`, 'in', DEAD_COMMAND_CODES)
    .returning('id')
    .executeTakeFirst();
  return reopened !== undefined;
}
