import type { Kysely } from 'kysely';
import { isUuidText } from '../db/is-uuid-text.js';
import type { PlatformTables } from '../db/platform-tables.js';
import type { InProcessTransport } from '../embedded/in-process-transport.js';
import type { Logger } from '../logger.js';
import type { Topology } from '../messaging/topology.js';

/**
 * The in-process broker keeps messages in memory, so a stop would drop those not yet handled although the
 * outbox counts them as sent. Once the consumers and the relay have stopped, this marks their outbox rows
 * unsent again: the next start publishes them anew, and the ledger and the inbox make a second delivery of
 * one that was handled after all harmless. Dead letters stay out: their commands are already failed.
 * Returns how many rows went back.
 */
export async function handBackWaiting(
  db: Kysely<PlatformTables>,
  transport: InProcessTransport,
  topology: Topology,
  logger: Logger,
): Promise<number> {
  const deadLetterQueues = new Set(
    [...topology.commandQueues.values(), ...topology.eventQueues.values()].map(
      (queue) => queue.deadLetterQueue,
    ),
  );
  const ids = [...new Set(transport.waitingMessageIds(deadLetterQueues))].filter(isUuidText);
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('platform.outbox')
    .set({ sent_at: null })
    .where('message_id', 'in', ids)
    .executeTakeFirst();
  const returned = Number(result.numUpdatedRows);
  logger.info({ messages: returned }, 'in-process messages not yet handled returned to the outbox');
  return returned;
}
