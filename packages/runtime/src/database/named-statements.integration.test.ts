import { PLAN_EACH_CALL, planEachCall } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database.js';
import { createDatabase } from './create-database.js';

describe('named statements (createDatabase({ namedStatements: true }))', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('prepares each parameterised statement once per connection and keeps answering correctly', async () => {
    const db = createDatabase({ url: database.url, poolSize: 1, namedStatements: true });
    try {
      await sql`create table t (id int primary key, name text)`.execute(db);
      for (let i = 0; i < 5; i++) {
        await sql`insert into t (id, name) values (${i}, ${`n${i}`})`.execute(db);
      }
      const rows = await sql<{ name: string }>`select name from t where id = ${3}`.execute(db);
      expect(rows.rows).toEqual([{ name: 'n3' }]);
      // Transactions (no parameters: simple protocol) and failing statements leave the connection usable.
      await expect(sql`insert into t (id, name) values (${1}, ${'again'})`.execute(db)).rejects.toMatchObject(
        {
          code: '23505',
        },
      );
      await db.transaction().execute(async (trx) => {
        await sql`update t set name = ${'renamed'} where id = ${3}`.execute(trx);
      });
      const prepared = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements order by name`.execute(db);
      expect(prepared.rows.map((row) => row.statement)).toEqual(
        expect.arrayContaining([
          'insert into t (id, name) values ($1, $2)',
          'select name from t where id = $1',
          'update t set name = $1 where id = $2',
        ]),
      );
      const again = await sql<{ name: string }>`select name from t where id = ${3}`.execute(db);
      expect(again.rows).toEqual([{ name: 'renamed' }]);
    } finally {
      await db.destroy();
    }
  });

  it('leaves a statement ending with PLAN_EACH_CALL unnamed, so it is planned with its values every time', async () => {
    const db = createDatabase({ url: database.url, poolSize: 1, namedStatements: true });
    try {
      await sql`create table words (word text primary key)`.execute(db);
      await sql`insert into words values ('apple'), ('banana'), ('cherry')`.execute(db);
      const words = db as unknown as Kysely<{ words: { word: string } }>;
      for (const pattern of ['%an%', '%err%', '%an%', '%p%', '%an%', '%e%', '%an%']) {
        const built = planEachCall(words.selectFrom('words').select('word').where('word', 'like', pattern));
        expect(built.compile().sql.endsWith(PLAN_EACH_CALL)).toBe(true);
        const found = (await built.orderBy('word').execute()).map((row) => row.word);
        expect(found).toEqual(
          ['apple', 'banana', 'cherry'].filter((word) => word.includes(pattern.slice(1, -1))),
        );
      }
      await sql`select word from words where word = ${'apple'}`.execute(db);
      const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
        db,
      );
      expect(prepared.rows.map((row) => row.statement).filter((text) => text.includes('words'))).toEqual([
        'select word from words where word = $1',
      ]);
    } finally {
      await db.destroy();
    }
  });

  it("rejects a failing statement with a stack that leads back to its caller, as pg's own does", async () => {
    const db = createDatabase({ url: database.url, poolSize: 1, namedStatements: true });
    try {
      const error = await sql`select 1 / ${0}::int`.execute(db).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: '22012' });
      const { stack } = error as Error;
      expect(stack).toContain('named-statements.integration.test.ts');
      // Not the socket's read, where pg's parser met the error.
      expect(stack).not.toContain('pg-protocol');
    } finally {
      await db.destroy();
    }
  });

  it('sends unnamed statements by default', async () => {
    const db = createDatabase({ url: database.url, poolSize: 1 });
    try {
      await sql`select ${1}::int as one`.execute(db);
      const prepared = await sql<{ n: string }>`select count(*) as n from pg_prepared_statements`.execute(db);
      expect(prepared.rows).toEqual([{ n: '0' }]);
    } finally {
      await db.destroy();
    }
  });
});
