import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The auth schema: accounts (credentials and roles), sessions (refresh-token families) with every token hash
 * they ever had, and the failed sign-ins the throttle counts.
 */
export const createAuth: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .withSchema('auth')
      .createTable('accounts')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('roles', sql`text[]`, (c) => c.notNull().check(sql`roles <@ array['user', 'admin']::text[]`))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'disabled')`))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint('accounts_email_key', ['email'])
      .execute();

    await db.schema
      .withSchema('auth')
      .createTable('sessions')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('account_id', 'uuid', (c) => c.notNull().references('auth.accounts.id').onDelete('cascade'))
      .addColumn('current_token_hash', 'text', (c) => c.notNull())
      .addColumn('generation', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'revoked')`))
      .addColumn('revoked_reason', 'text', (c) =>
        c.check(sql`revoked_reason in ('logout', 'reuse_detected', 'account_disabled')`),
      )
      .addColumn('revoked_at', sql`timestamptz(3)`)
      .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull())
      .addColumn('last_used_at', sql`timestamptz(3)`, (c) => c.notNull())
      .addColumn('expires_at', sql`timestamptz(3)`, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    // Deactivation revokes an account's active sessions in one statement.
    await sql`create index sessions_active_by_account on auth.sessions (account_id) where status = 'active'`.execute(
      db,
    );

    // Every hash a family ever had, so an exchanged token is still found (and recognised as reuse).
    await db.schema
      .withSchema('auth')
      .createTable('session_token_hashes')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'uuid', (c) => c.notNull().references('auth.sessions.id').onDelete('cascade'))
      .addColumn('generation', 'integer', (c) => c.notNull())
      .execute();
    await sql`create index session_token_hashes_by_session on auth.session_token_hashes (session_id, generation)`.execute(
      db,
    );

    // One row per failed attempt per throttle key (a SHA-256 of it: no emails or addresses at rest).
    await db.schema
      .withSchema('auth')
      .createTable('login_failures')
      .addColumn('key_hash', 'text', (c) => c.notNull())
      .addColumn('failed_at', sql`timestamptz(3)`, (c) => c.notNull())
      .execute();
    await sql`create index login_failures_by_key on auth.login_failures (key_hash, failed_at desc)`.execute(
      db,
    );
    await sql`create index login_failures_by_time on auth.login_failures (failed_at)`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.withSchema('auth').dropTable('login_failures').execute();
    await db.schema.withSchema('auth').dropTable('session_token_hashes').execute();
    await db.schema.withSchema('auth').dropTable('sessions').execute();
    await db.schema.withSchema('auth').dropTable('accounts').execute();
  },
};
