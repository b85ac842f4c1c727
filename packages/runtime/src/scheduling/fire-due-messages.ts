import type { Command } from '@contextflow/core';
import type { PlatformTables } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';
import { acceptCommands } from '../commands/accept-commands.js';
import { appendOutbox } from '../database/append-outbox.js';

interface DueRow {
  readonly key: string;
  readonly message_id: string;
  readonly kind: 'command' | 'event';
  readonly message_type: string;
  readonly body: unknown;
  readonly headers: unknown;
}

/**
 * Hands the messages due at `now` to the outbox, at most `limit` of them, in one transaction: their rows are
 * deleted (`FOR UPDATE SKIP LOCKED`: rows another scheduler holds are left to it) and each becomes an outbox
 * message — an event as itself, a command accepted as `CommandBus.send` would (all in a few statements, whatever
 * their number). A crash before the commit
 * leaves every row scheduled; after it, none is: each message is handed over exactly once. Returns how many.
 */
export async function fireDueMessages(db: Kysely<PlatformTables>, now: Date, limit: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<DueRow>`
      delete from platform.scheduled_messages where key in (
        select key from platform.scheduled_messages where due_at <= ${now}
        order by due_at limit ${limit} for update skip locked
      ) returning key, message_id, kind, message_type, body, headers`.execute(trx);
    const events = rows.filter((row) => row.kind === 'event');
    await appendOutbox(
      trx,
      events.map((row) => ({
        message_id: row.message_id,
        kind: 'event' as const,
        routing_key: row.message_type,
        body: JSON.stringify(row.body),
        headers: JSON.stringify(row.headers),
      })),
    );
    const commands = rows.filter((row) => row.kind === 'command').map((row) => row.body as Command);
    await acceptCommands(trx, commands, now);
    return rows.length;
  });
}

/** When the first scheduled message is due (it may be in the past); `undefined` when none is scheduled. */
export async function nextDueAt(db: Kysely<PlatformTables>): Promise<Date | undefined> {
  const row = await db
    .selectFrom('platform.scheduled_messages')
    .select('due_at')
    .orderBy('due_at')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : new Date(row.due_at);
}
