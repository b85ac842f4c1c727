import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import { createDatabase } from '../database/create-database.js';
import { migrateAll, type MigrationSet } from '../database/migrate.js';
import { createTestDatabase, type TestDatabase } from './create-test-database.js';

/** A migrated test database with an open pool. */
export interface OpenTestDatabase extends TestDatabase {
  readonly db: Kysely<PlatformTables>;
  /** Ends the pool, then drops the database. */
  close(): Promise<void>;
}

/**
 * Creates a test database, opens a small pool on it and applies the `platform` migrations plus `sets` (a
 * context's own migrations). Typical use: `beforeAll(async () => { t = await openTestDatabase([...]) })`,
 * `afterAll(() => t.close())`.
 */
export async function openTestDatabase(sets: readonly MigrationSet[] = []): Promise<OpenTestDatabase> {
  const database = await createTestDatabase();
  const db = createDatabase({ url: database.url, poolSize: 5, applicationName: 'contextflow-test' });
  try {
    await migrateAll(db, sets);
  } catch (error) {
    await db.destroy();
    await database.drop();
    throw error;
  }
  return {
    ...database,
    db,
    close: async () => {
      await db.destroy();
      await database.drop();
    },
  };
}
