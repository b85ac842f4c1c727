import { type Insertable, type Kysely, sql } from 'kysely';
import { CHANNELS, type OutboxTable, type PlatformTables } from './platform-tables.js';
import { preparedQuery } from './prepared-query.js';

/**
 * The rows, as one array per column (`unnest` makes them rows again), so the statement has one shape whatever
 * their number and is compiled once; then the relay's wake-up.
 */
const appendRows = preparedQuery(
  (
    db: Kysely<PlatformTables>,
    messageIds: string[],
    kinds: string[],
    routingKeys: string[],
    bodies: string[],
    headers: (string | null)[],
    createdAt: (Date | string | null)[],
  ) =>
    db
      .with('appended', (qb) =>
        qb
          .insertInto('platform.outbox')
          .columns(['message_id', 'kind', 'routing_key', 'body', 'headers', 'created_at'])
          .expression(
            sql`select m, k, r, b, coalesce(h, '{}'::jsonb), coalesce(c, now())
                from unnest(${messageIds}::uuid[], ${kinds}::text[], ${routingKeys}::text[], ${bodies}::jsonb[],
                            ${headers}::jsonb[], ${createdAt}::timestamptz[]) as t(m, k, r, b, h, c)`,
          )
          .returning('seq'),
      )
      .selectFrom('appended')
      .select(sql<string>`pg_notify(${CHANNELS.outbox}, '')`.as('notified'))
      .limit(1),
);

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
  await appendRows.execute(
    db,
    rows.map((row) => row.message_id),
    rows.map((row) => row.kind),
    rows.map((row) => row.routing_key),
    rows.map((row) => row.body),
    rows.map((row) => row.headers ?? null),
    rows.map((row) => row.created_at ?? null),
  );
}
