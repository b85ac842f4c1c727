import { CHANNELS, type OutboxTable, type PlatformTables, preparedQuery } from '@contextflow/core-infra/db';
import { type Insertable, type Kysely, type QueryCreator, type RawBuilder, sql } from 'kysely';

/** Outbox rows as one array per column, the parameters of {@link outboxRowsFrom}. */
export type OutboxColumns = [
  messageIds: string[],
  kinds: string[],
  routingKeys: string[],
  bodies: string[],
  headers: (string | null)[],
  createdAt: (Date | string | null)[],
];

/** `rows` as one array per column (see {@link outboxRowsFrom}). */
export function outboxColumns(rows: readonly Insertable<OutboxTable>[]): OutboxColumns {
  return [
    rows.map((row) => row.message_id),
    rows.map((row) => row.kind),
    rows.map((row) => row.routing_key),
    rows.map((row) => row.body),
    rows.map((row) => row.headers ?? null),
    rows.map((row) => row.created_at ?? null),
  ];
}

/**
 * Inserts outbox rows given as one array per column (`unnest` makes them rows again), so the statement has one
 * shape whatever their number and is compiled once; with `when`, only if that SQL condition holds.
 */
export function outboxRowsFrom(
  qb: QueryCreator<PlatformTables>,
  [messageIds, kinds, routingKeys, bodies, headers, createdAt]: OutboxColumns,
  when: RawBuilder<boolean> = sql<boolean>`true`,
) {
  return qb
    .insertInto('platform.outbox')
    .columns(['message_id', 'kind', 'routing_key', 'body', 'headers', 'created_at'])
    .expression(
      sql`select m, k, r, b, coalesce(h, '{}'::jsonb), coalesce(c, now())
          from unnest(${messageIds}::uuid[], ${kinds}::text[], ${routingKeys}::text[], ${bodies}::jsonb[],
                      ${headers}::jsonb[], ${createdAt}::timestamptz[]) as t(m, k, r, b, h, c)
          where ${when}`,
    )
    .returning('seq');
}

/** How many columns {@link OutboxColumns} has: the arity of a prepared query that takes them as rest arguments. */
export const OUTBOX_COLUMN_COUNT = 6;

/** The rows, then the relay's wake-up. */
const appendRows = preparedQuery(
  (db: Kysely<PlatformTables>, ...columns: OutboxColumns) =>
    db
      .with('appended', (qb) => outboxRowsFrom(qb, columns))
      .selectFrom('appended')
      .select(sql<string>`pg_notify(${CHANNELS.outbox}, '')`.as('notified'))
      .limit(1),
  OUTBOX_COLUMN_COUNT,
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
  await appendRows.execute(db, ...outboxColumns(rows));
}
