import type { PlatformTables } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database.js';
import { createDatabase } from './create-database.js';
import { migrateAll, type MigrationSet, pendingMigrations } from './migrate.js';

const widgets: MigrationSet = {
  schema: 'widgets',
  migrations: {
    '0001_widgets': {
      async up(db) {
        await db.schema
          .createTable('widgets.widgets')
          .addColumn('id', 'uuid', (col) => col.primaryKey())
          .execute();
      },
    },
  },
};

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).toReversed()) await cleanup();
});

async function freshDatabase(): Promise<{ database: TestDatabase; db: Kysely<PlatformTables> }> {
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  const db = createDatabase({ url: database.url, poolSize: 4 });
  cleanups.push(() => db.destroy());
  return { database, db };
}

const tablesOf = async (db: Kysely<PlatformTables>, schema: string): Promise<string[]> => {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = ${schema} order by table_name
  `.execute(db);
  return rows.map((row) => row.table_name);
};

describe('migrateAll', () => {
  it('creates the platform tables and each context schema with its own migration table', async () => {
    const { db } = await freshDatabase();
    await migrateAll(db, [widgets]);
    expect(await tablesOf(db, 'platform')).toEqual([
      'command_progress',
      'commands',
      'failures',
      'inbox',
      'kysely_migration',
      'kysely_migration_lock',
      'outbox',
      'processes',
      'scheduled_messages',
    ]);
    expect(await tablesOf(db, 'widgets')).toEqual(['kysely_migration', 'kysely_migration_lock', 'widgets']);
  });

  it('creates the indexes the stores rely on', async () => {
    const { db } = await freshDatabase();
    await migrateAll(db, []);
    const { rows } = await sql<{ indexdef: string }>`
      select indexdef from pg_indexes where schemaname = 'platform' order by indexname
    `.execute(db);
    const definitions = rows.map((row) => row.indexdef).join('\n');
    expect(definitions).toContain('UNIQUE INDEX commands_caller_idempotency_key_uq');
    expect(definitions).toMatch(/WHERE \(idempotency_key IS NOT NULL\)/);
    expect(definitions).toMatch(
      /outbox_unsent_seq_idx ON platform\.outbox USING btree \(seq\) WHERE \(sent_at IS NULL\)/,
    );
    expect(definitions).toContain('inbox_handled_at_idx');
    expect(definitions).toContain('scheduled_messages_due_at_idx');
    expect(definitions).toMatch(/processes_completed_idx .* WHERE \(status = 'completed'::text\)/);
    expect(definitions).toContain('UNIQUE INDEX failures_queue_message_uq');
    expect(definitions).toMatch(/failures_dead_fingerprint_idx .* WHERE \(status = 'dead'::text\)/);
  });

  it('rejects a command status outside the life cycle', async () => {
    const { db } = await freshDatabase();
    await migrateAll(db, []);
    const insert = sql`
      insert into platform.commands (id, type, payload, status, caller, request_hash, correlation_id, causation_id)
      values (gen_random_uuid(), 't', '{}', 'lost', 'anonymous', 'h', 'c', 'c')
    `.execute(db);
    await expect(insert).rejects.toThrow(/check constraint/);
  });

  it('is idempotent: a second run applies nothing and nothing is pending', async () => {
    const { db } = await freshDatabase();
    expect(await pendingMigrations(db, [widgets])).toEqual([
      'platform/0001_commands',
      'platform/0002_outbox',
      'platform/0003_inbox',
      'platform/0004_scheduled_messages',
      'platform/0005_processes',
      'platform/0006_failures',
      'widgets/0001_widgets',
    ]);
    await migrateAll(db, [widgets]);
    await migrateAll(db, [widgets]);
    expect(await pendingMigrations(db, [widgets])).toEqual([]);
  });

  it('lets two concurrent migrators on a fresh database both succeed', async () => {
    const { database } = await freshDatabase();
    const first = createDatabase({ url: database.url, poolSize: 2 });
    const second = createDatabase({ url: database.url, poolSize: 2 });
    cleanups.push(
      () => first.destroy(),
      () => second.destroy(),
    );
    await Promise.all([migrateAll(first, [widgets]), migrateAll(second, [widgets])]);
    const { rows } = await sql<{ name: string }>`select name from widgets.kysely_migration`.execute(first);
    expect(rows.map((row) => row.name)).toEqual(['0001_widgets']);
    expect(await pendingMigrations(first, [widgets])).toEqual([]);
  });

  it('names the migration that failed and rolls back the batch of its schema', async () => {
    const { db } = await freshDatabase();
    const broken: Migration = {
      async up(trx) {
        await sql`select * from no_such_table`.execute(trx);
      },
    };
    const set: MigrationSet = {
      schema: 'widgets',
      migrations: { ...widgets.migrations, '0002_broken': broken },
    };
    await expect(migrateAll(db, [set])).rejects.toThrow(
      /migration "widgets\/0002_broken" failed: .*no_such_table/,
    );
    expect(await pendingMigrations(db, [set])).toEqual(['widgets/0001_widgets', 'widgets/0002_broken']);
    expect(await tablesOf(db, 'platform')).toContain('commands');
  });
});
