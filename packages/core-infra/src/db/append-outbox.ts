import { type Insertable, type Kysely, sql } from 'kysely';
import { CHANNELS, type OutboxTable, type PlatformTables } from './platform-tables.js';

/**
 * Appends rows to `platform.outbox` and notifies the relay (`pg_notify`, delivered at commit) in one
 * statement: a data-modifying CTE, so the notification costs no round trip of its own. Call it inside the
 * transaction that writes what the rows announce.
 */
export async function appendOutbox(
  db: Kysely<PlatformTables>,
  rows: readonly Insertable<OutboxTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .with('appended', (qb) =>
      qb
        .insertInto('platform.outbox')
        .values([...rows])
        .returning('seq'),
    )
    .selectFrom('appended')
    .select(sql<string>`pg_notify(${CHANNELS.outbox}, '')`.as('notified'))
    .limit(1)
    .execute();
}
