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
 * Puts the commands that failed because their message was dead-lettered back to `pending` (their error
 * cleared), so the redriven messages run them again; a command that failed for a domain reason, succeeded, or
 * is still open is left as it is. Call it inside the transaction that wraps the redrive's publishes: the
 * consumer of a copy waits on the row lock until it commits. Resolves to the ids it reopened.
 */
export async function reopenDeadCommands(
  trx: Kysely<PlatformTables>,
  commandIds: readonly string[],
): Promise<string[]> {
  if (commandIds.length === 0) return [];
  const reopened = await trx
    .updateTable('platform.commands')
    .set({ status: 'pending', error: null, updated_at: sql`now()` })
    .where('id', 'in', commandIds)
    .where('status', '=', 'failed')
    .where(sql<string>`error->>'code'`, 'in', DEAD_COMMAND_CODES)
    .returning('id')
    .execute();
  return reopened.map((row) => row.id);
}
