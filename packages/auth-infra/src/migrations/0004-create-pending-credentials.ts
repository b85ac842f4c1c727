import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The password hashes of accepted registrations that the worker has not processed yet, under the new
 * account's id: the registration command itself carries no credential. The handler deletes its row; rows left
 * behind (a registration never accepted, or that failed) are swept by age.
 */
export const createPendingCredentials: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .withSchema('auth')
      .createTable('pending_credentials')
      .addColumn('account_id', 'uuid', (c) => c.primaryKey())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull())
      .execute();
    await sql`create index pending_credentials_by_age on auth.pending_credentials (created_at)`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.withSchema('auth').dropTable('pending_credentials').execute();
  },
};
