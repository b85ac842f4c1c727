import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The __ctx__ schema: the aggregate table (also read by the queries) and the activity the reaction records. */
export const create__Ctx__: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .withSchema('__ctx__')
      .createTable('__ctx__')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull())
      .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull())
      .execute();
    await db.schema
      .withSchema('__ctx__')
      .createTable('__agg___activity')
      .addColumn('event_id', 'uuid', (c) => c.primaryKey())
      .addColumn('__agg___id', 'uuid', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('occurred_at', sql`timestamptz(3)`, (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.withSchema('__ctx__').dropTable('__agg___activity').execute();
    await db.schema.withSchema('__ctx__').dropTable('__ctx__').execute();
  },
};
