import { createLogger } from '@contextflow/core-infra';
import { createDatabase, createRuntime, postgresDatabase, type Runtime } from '@contextflow/runtime';
import { createTestDatabase, type TestDatabase } from '@contextflow/runtime/testing';
import { UserReadModel, type UserView } from '@contextflow/users-app';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersModule } from '../module.js';
import { KyselyUserReadModel } from './kysely-user-read-model.js';
import type { UsersTables } from './users-tables.js';

// What the read model relies on PostgreSQL's sessions for.
//
// The read model reads its timestamps as PostgreSQL's text, in the session's time zone. Here that zone is
// Europe/Berlin, whose offset goes from +02 back to +01 at 01:00 UTC on 2026-10-25: the local text of the
// later rows sorts before the earlier ones', so a page ordered by that text instead of the instant shows.
const instants = [
  '2026-10-25T00:10:00.000Z', // 02:10+02
  '2026-10-25T00:30:00.000Z', // 02:30+02
  '2026-10-25T01:10:00.000Z', // 02:10+01
  '2026-10-25T01:20:00.123Z', // 02:20:00.123+01
  '2026-12-07T14:59:35.999Z', // 15:59:35.999+01
];

let database: TestDatabase;
let runtime: Runtime;
let views: UserReadModel;

beforeAll(async () => {
  database = await createTestDatabase();
  const admin = createLogger({ level: 'silent' });
  runtime = await createRuntime({
    database: postgresDatabase({ url: database.url }),
    modules: [usersModule],
    logger: admin,
  });
  await runtime.migrate();
  await sql`alter database ${sql.id(database.name)} set timezone to 'Europe/Berlin'`.execute(runtime.db);
  // Only connections opened from now on take the database's zone: start again on a fresh pool.
  await runtime.stop();
  runtime = await createRuntime({
    database: postgresDatabase({ url: database.url }),
    modules: [usersModule],
    logger: admin,
  });
  const rows = instants.map((at, i) => ({
    id: `0190a000-0000-7000-8000-00000000000${i}`,
    email: `zone${i}@example.com`,
    name: `Zone ${i}`,
    status: 'active' as const,
    created_at: at,
    updated_at: instants[instants.length - 1 - i] as string,
  }));
  await runtime.db
    .withTables<{ 'users.user_views': (typeof rows)[number] }>()
    .insertInto('users.user_views')
    .values(rows)
    .execute();
  views = runtime.container.resolve<UserReadModel>(UserReadModel);
});

afterAll(async () => {
  await runtime?.stop();
  await database?.drop();
});

describe('KyselyUserReadModel in a session that is not UTC', () => {
  it('reads the session is in Europe/Berlin (what the rest of the file relies on)', async () => {
    const { rows } = await sql<{ text: string }>`select ${instants[0]}::timestamptz::text as text`.execute(
      runtime.db,
    );
    expect(rows[0]?.text).toBe('2026-10-25 02:10:00+02');
  });

  it('answers every timestamp as the ISO text of its instant', async () => {
    const view = (await views.get('0190a000-0000-7000-8000-000000000003')) as UserView;
    expect([view.createdAt, view.updatedAt]).toEqual([instants[3], instants[1]]);
  });

  it('pages newest first by instant across the change of offset, every row once, filtered or not', async () => {
    // No filter (the prepared pages), a term with trigrams (the built query), one without (the scan window).
    for (const filter of [{}, { q: 'zone' }, { q: 'zo' }]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await views.list({ limit: 2, cursor, ...filter });
        seen.push(...page.items.map((view) => view.createdAt));
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      expect({ filter, seen }).toEqual({ filter, seen: instants.toReversed() });
    }
  });
});

describe('KyselyUserReadModel searches on named statements', () => {
  it('has a search planned for its term on every call: the statement is never prepared', async () => {
    // One connection, so the prepared statements it lists are every one the read model made.
    const db = createDatabase({ url: database.url, poolSize: 1, namedStatements: true });
    try {
      const search = new KyselyUserReadModel(db as unknown as Kysely<UsersTables>);
      // Past five calls a prepared statement may run on a plan made for any term, which for a rare one walks
      // the whole newest-first index (16 ms at 10,000 users instead of 0.2–0.5 through the trigram indexes).
      for (let i = 0; i < 8; i++) {
        expect((await search.list({ limit: 20, q: 'zone3' })).items.map((view) => view.email)).toEqual([
          'zone3@example.com',
        ]);
      }
      expect((await search.get('0190a000-0000-7000-8000-000000000003'))?.email).toBe('zone3@example.com');
      const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
        db,
      );
      // The page by id is prepared (the connection's named statements work); the search is not.
      expect(rows.map((row) => row.statement).filter((text) => text.includes('user_views'))).toEqual([
        expect.stringContaining('where "id" = $1'),
      ]);
    } finally {
      await db.destroy();
    }
  });
});
