import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The users schema: the aggregate table (write side) and the user_views read model (read side). */
export const createUsers: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // Millisecond precision: keyset cursors round-trip through JS Dates without repeating rows.
    await db.schema
      .withSchema('users')
      .createTable('users')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'deactivated')`))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull())
      .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull())
      .addUniqueConstraint('users_email_key', ['email'])
      .execute();

    await db.schema
      .withSchema('users')
      .createTable('user_views')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull())
      .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull())
      .execute();
    await sql`create index user_views_page on users.user_views (created_at desc, id desc)`.execute(db);
    await sql`create index user_views_status_page on users.user_views (status, created_at desc, id desc)`.execute(
      db,
    );
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.withSchema('users').dropTable('user_views').execute();
    await db.schema.withSchema('users').dropTable('users').execute();
  },
};
