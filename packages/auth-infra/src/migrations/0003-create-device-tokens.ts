import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Device tokens (the OWASP "device cookie"): one row per token a successful sign-in handed out, stored only as
 * the SHA-256 of the token and bound to its account. Deleting the account deletes them.
 */
export const createDeviceTokens: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .withSchema('auth')
      .createTable('device_tokens')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'uuid', (c) => c.notNull().references('auth.accounts.id').onDelete('cascade'))
      .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull())
      .addColumn('last_used_at', sql`timestamptz(3)`, (c) => c.notNull())
      .execute();
    // The cap keeps an account's most recently used tokens; revoking them all goes by account too.
    await sql`create index device_tokens_by_account on auth.device_tokens (account_id, last_used_at desc)`.execute(
      db,
    );
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.withSchema('auth').dropTable('device_tokens').execute();
  },
};
