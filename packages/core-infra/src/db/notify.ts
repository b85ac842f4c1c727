import { type Kysely, sql } from 'kysely';

/**
 * Sends a PostgreSQL notification through `db`. Inside a transaction it is delivered on commit and dropped on
 * rollback, which is why writers notify in the same transaction as the rows they announce.
 */
export async function notify<DB>(db: Kysely<DB>, channel: string, payload = ''): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}
