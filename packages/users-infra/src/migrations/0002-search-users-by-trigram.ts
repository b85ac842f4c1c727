import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Substring search (`GET /users?q=`) served by an index: trigram GIN indexes on the two columns `q` matches,
 * so `ILIKE '%term%'` reads the rows that hold the term's trigrams instead of the whole table. `pg_trgm` ships
 * with PostgreSQL's contrib and with PGlite (the embedded database loads it).
 */
export const searchUsersByTrigram: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index user_views_email_trgm on users.user_views using gin (email gin_trgm_ops)`.execute(
      db,
    );
    await sql`create index user_views_name_trgm on users.user_views using gin (name gin_trgm_ops)`.execute(
      db,
    );
  },

  async down(db: Kysely<unknown>): Promise<void> {
    // The extension stays: other schemas of the database may use it.
    await sql`drop index users.user_views_name_trgm`.execute(db);
    await sql`drop index users.user_views_email_trgm`.execute(db);
  },
};
