import { preparedQuery } from '@contextflow/core-infra/db';
import { type Compilable, type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database.js';
import { createDatabase } from './create-database.js';

interface Tables {
  t: { id: number; name: string; kind: string };
}

describe('preparedQuery', () => {
  let database: TestDatabase;
  let db: Kysely<Tables>;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDatabase({
      url: database.url,
      poolSize: 2,
      namedStatements: true,
    }) as unknown as Kysely<Tables>;
    await sql`create table t (id int primary key, name text not null, kind text not null)`.execute(db);
    await sql`insert into t values (1, 'one', 'odd'), (2, 'two', 'even'), (3, 'three', 'odd')`.execute(db);
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('builds and compiles once, then runs with each call’s arguments and the builder’s constants', async () => {
    const build = vi.fn<(q: Kysely<Tables>, min: number, max: number) => Compilable>((q, min, max) =>
      q
        .selectFrom('t')
        .select(['id', 'name'])
        .where('kind', '=', 'odd')
        .where('id', '>=', min)
        .where('id', '<=', max)
        .orderBy('id'),
    );
    const oddBetween = preparedQuery(build);
    expect((await oddBetween.execute(db, 1, 3)).rows).toEqual([
      { id: 1, name: 'one' },
      { id: 3, name: 'three' },
    ]);
    expect((await oddBetween.execute(db, 2, 3)).rows).toEqual([{ id: 3, name: 'three' }]);
    expect((await oddBetween.execute(db, 2, 2)).rows).toEqual([]);
    expect(build).toHaveBeenCalledTimes(1);
    expect(oddBetween.sql(db)).toBe(
      'select "id", "name" from "t" where "kind" = $1 and "id" >= $2 and "id" <= $3 order by "id"',
    );
  });

  it('runs inside a transaction, on its connection', async () => {
    const rename = preparedQuery((q: Kysely<Tables>, id: number, name: string) =>
      q.updateTable('t').set({ name }).where('id', '=', id).returning('name'),
    );
    const byId = preparedQuery((q: Kysely<Tables>, id: number) =>
      q.selectFrom('t').select('name').where('id', '=', id),
    );
    await expect(
      db.transaction().execute(async (trx) => {
        expect((await rename.execute(trx, 2, 'deux')).rows).toEqual([{ name: 'deux' }]);
        expect((await byId.execute(trx, 2)).rows).toEqual([{ name: 'deux' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await byId.execute(db, 2)).rows).toEqual([{ name: 'two' }]);
  });

  it('takes arguments gathered in a rest parameter when told how many there are', async () => {
    const idsBetween = preparedQuery(
      (q: Kysely<Tables>, kind: string, ...range: [min: number, max: number]) =>
        q
          .selectFrom('t')
          .select('id')
          .where('kind', '=', kind)
          .where('id', '>=', range[0])
          .where('id', '<=', range[1])
          .orderBy('id'),
      3,
    );
    expect((await idsBetween.execute(db, 'odd', 1, 3)).rows).toEqual([{ id: 1 }, { id: 3 }]);
    expect((await idsBetween.execute(db, 'even', 1, 3)).rows).toEqual([{ id: 2 }]);
  });

  it('on the pool skips Kysely’s executor and answers as it does; a failure gives its connection back', async () => {
    const executor = vi.spyOn(db, 'executeQuery');
    const rename = preparedQuery((q: Kysely<Tables>, id: number, name: string) =>
      q.updateTable('t').set({ name }).where('id', '=', id),
    );
    const byKind = preparedQuery((q: Kysely<Tables>, kind: string) =>
      q.selectFrom('t').select(['id', 'name']).where('kind', '=', kind).orderBy('id'),
    );
    const renamed = await rename.execute(db, 3, 'three');
    const odd = await byKind.execute(db, 'odd');
    expect(executor).not.toHaveBeenCalled();
    executor.mockRestore();
    // Kysely's own executor, given the same statements, answers the same.
    expect(renamed).toEqual(
      await db.executeQuery(db.updateTable('t').set({ name: 'three' }).where('id', '=', 3).compile()),
    );
    expect(renamed.numAffectedRows).toBe(1n);
    expect(odd).toEqual(
      await db.executeQuery(
        db.selectFrom('t').select(['id', 'name']).where('kind', '=', 'odd').orderBy('id').compile(),
      ),
    );
    expect(odd.rows).toEqual([
      { id: 1, name: 'one' },
      { id: 3, name: 'three' },
    ]);

    const clash = preparedQuery((q: Kysely<Tables>, id: number) =>
      q.insertInto('t').values({ id, name: 'again', kind: 'odd' }),
    );
    // More failures than the pool has connections: each gives its connection back.
    for (let i = 0; i < 4; i++) {
      const error = await clash.execute(db, 1).catch((e: unknown) => e as Error);
      expect(error).toMatchObject({ code: '23505' });
      expect((error as Error).stack).toContain('prepared-query.integration.test');
    }
    expect((await byKind.execute(db, 'even')).rows).toEqual([{ id: 2, name: 'two' }]);
  });

  it('refuses a builder that uses an argument as anything but a value', async () => {
    // `kind` decides the query's shape here: a stand-in is never a real value, so this cannot be compiled once.
    const shaped = preparedQuery((q: Kysely<Tables>, kind: string) =>
      q
        .selectFrom('t')
        .select('id')
        .where('kind', '=', kind === 'odd' ? 'odd' : 'even'),
    );
    await expect(shaped.execute(db, 'name')).rejects.toThrow(/every argument must be a parameter/);
  });
});
