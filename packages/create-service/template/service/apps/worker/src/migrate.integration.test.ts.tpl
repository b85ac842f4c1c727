import { createLogger } from '@contextflow/core-infra';
import { createTestDatabase, type TestDatabase } from '@contextflow/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { modules } from './modules.js';

let database: TestDatabase;
const logger = createLogger({ level: 'silent' });

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe('worker migrate', () => {
  it("applies every module's migrations once, and nothing the second time", async () => {
    const first = await migrate({ databaseUrl: database.url, modules, logger });
    for (const module of modules) {
      for (const name of Object.keys(module.migrations)) expect(first).toContain(`${module.name}/${name}`);
    }
    expect(await migrate({ databaseUrl: database.url, modules, logger })).toEqual([]);
  });
});
