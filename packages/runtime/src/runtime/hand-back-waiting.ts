import type { Logger } from '@contextflow/core-infra';
import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import { isUuidText } from '../database/is-uuid-text.js';
import type { MessageTransport } from '../messaging/message-transport.js';
import type { Topology } from '../messaging/topology.js';

/**
 * A transport that holds messages in this process only (an in-process broker) would lose at stop those not yet
 * handled, although the outbox counts them as sent. Once the consumers and the relay have stopped, this takes
 * them from the transport and marks their outbox rows unsent again: the next start publishes them anew, and
 * the ledger and the inbox make a second delivery of one that was handled after all harmless. Dead letters stay
 * out: their commands are already failed. A broker hands back nothing. Returns how many rows went back.
 */
export async function handBackWaiting(
  db: Kysely<PlatformTables>,
  transport: MessageTransport,
  topology: Topology,
  logger: Logger,
): Promise<number> {
  const deadLetterQueues = new Set([
    ...[...topology.commandQueues.values(), ...topology.eventQueues.values()].map(
      (queue) => queue.deadLetterQueue,
    ),
    // The reconciler's copies of dead commands: their commands are failed already.
    topology.deadCommands.queue,
    // The failure recorder's copies: dead letters too.
    topology.failures.queue,
  ]);
  const ids = [...new Set(await transport.handBack(deadLetterQueues))].filter(isUuidText);
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
