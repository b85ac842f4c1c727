import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The account lifecycle: whether an account's email is verified, and the links sent by email (verify the
 * email, reset the password). A link row exists from the request; the mailer stores the hash of the token it
 * sends (`token_hash`, never the token) when it sends it. A link works once, until `expires_at`, and not after
 * a newer link of its purpose was requested (`superseded_at`).
 */
export const createAccountLinks: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`alter table auth.accounts add column email_verified boolean not null default false`.execute(db);
    await db.schema
      .withSchema('auth')
      .createTable('account_links')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('account_id', 'uuid', (c) => c.notNull().references('auth.accounts.id').onDelete('cascade'))
      .addColumn('purpose', 'text', (c) =>
        c.notNull().check(sql`purpose in ('verify-email', 'reset-password')`),
      )
      .addColumn('token_hash', 'text')
      .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull())
      .addColumn('expires_at', sql`timestamptz(3)`, (c) => c.notNull())
      .addColumn('sent_at', sql`timestamptz(3)`)
      .addColumn('used_at', sql`timestamptz(3)`)
      .addColumn('superseded_at', sql`timestamptz(3)`)
      .execute();
    await sql`create index account_links_by_account on auth.account_links (account_id, purpose, created_at)`.execute(
      db,
    );
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.withSchema('auth').dropTable('account_links').execute();
    await sql`alter table auth.accounts drop column email_verified`.execute(db);
  },
};
