import { createLogger } from '@contextflow/core-infra';
import { createDatabase, pendingMigrations } from '@contextflow/runtime';
import { createTestDatabase, type TestDatabase } from '@contextflow/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { modules } from './modules.js';

describe('migrate', () => {
  let database: TestDatabase;
  const sets = modules.map((module) => ({ schema: module.name, migrations: module.migrations }));

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('applies the platform migrations and those of every module', async () => {
    await migrate({ databaseUrl: database.url, modules, logger: createLogger({ level: 'silent' }) });
    const db = createDatabase({ url: database.url, poolSize: 1 });
    try {
      expect(await pendingMigrations(db, sets)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('changes nothing when run again', async () => {
    await expect(
      migrate({ databaseUrl: database.url, modules, logger: createLogger({ level: 'silent' }) }),
    ).resolves.toBeUndefined();
  });
});
