import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notify } from '@contextflow/core-infra/db';
import { migrateAll } from '@contextflow/runtime';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedDatabase, type EmbeddedDatabase } from './create-embedded-database.js';
import { SESSION_HELD_MESSAGE } from './single-session-driver.js';

interface CounterTables {
  counter: { id: number; n: number };
}

describe('createEmbeddedDatabase', () => {
  let root: string;
  // One template per run: only the first database of this file pays for initdb.
  const templateDir = () => join(root, 'template');
  const open = (dataDir?: string) => createEmbeddedDatabase({ dataDir, templateDir: templateDir() });
  let memory: EmbeddedDatabase;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cf-embedded-'));
  });
  afterAll(async () => {
    await memory?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('initialises a new data directory, caches it as a template, and reopens the directory with its data', async () => {
    const first = await open(join(root, 'a'));
    expect(first.origin).toBe('initdb');
    await sql`create table kept (v text)`.execute(first.db);
    await sql`insert into kept values ('still here')`.execute(first.db);
    await first.close();

    const again = await open(join(root, 'a'));
    expect(again.origin).toBe('reopened');
    expect((await sql<{ v: string }>`select v from kept`.execute(again.db)).rows).toEqual([
      { v: 'still here' },
    ]);
    await again.close();

    const other = await open(join(root, 'b'));
    expect(other.origin).toBe('template');
    await expect(sql`select v from kept`.execute(other.db)).rejects.toThrow(/does not exist/);
    await other.close();

    memory = await open();
    expect(memory.origin).toBe('template');
    expect(memory.dataDir).toBeUndefined();
    // initdb of a fresh PGlite takes seconds quiet and over a minute on a loaded 2-core machine.
  }, 240_000);

  it('refuses a data directory another open database holds, and one that holds something else', async () => {
    const holder = await open(join(root, 'a'));
    try {
      await expect(open(join(root, 'a'))).rejects.toThrow(/in use by process/);
    } finally {
      await holder.close();
    }
    await mkdir(join(root, 'junk'));
    await writeFile(join(root, 'junk', 'notes.txt'), 'mine');
    await expect(open(join(root, 'junk'))).rejects.toThrow(/holds no PGlite database/);
  });

  it('applies the platform migrations', async () => {
    await migrateAll(memory.db, []);
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'platform' order by table_name
    `.execute(memory.db);
    expect(rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(['commands', 'inbox', 'kysely_migration', 'outbox']),
    );
  });

  it('runs concurrent transactions one after the other, so none sees another half-done', async () => {
    const db = memory.db as unknown as Kysely<CounterTables>;
    await sql`create table counter (id int primary key, n int not null)`.execute(db);
    await db.insertInto('counter').values({ id: 1, n: 0 }).execute();
    const increment = () =>
      db.transaction().execute(async (trx) => {
        const { n } = await trx
          .selectFrom('counter')
          .select('n')
          .where('id', '=', 1)
          .executeTakeFirstOrThrow();
        await new Promise((resolve) => setTimeout(resolve, 1));
        await trx
          .updateTable('counter')
          .set({ n: n + 1 })
          .where('id', '=', 1)
          .execute();
      });
    const reads = () => db.selectFrom('counter').select('n').execute();
    await Promise.all([...Array.from({ length: 20 }, increment), ...Array.from({ length: 5 }, reads)]);
    expect((await db.selectFrom('counter').select('n').executeTakeFirstOrThrow()).n).toBe(20);
  });

  it('rolls a failed transaction back and keeps serving', async () => {
    const db = memory.db as unknown as Kysely<CounterTables>;
    const failing = db.transaction().execute(async (trx) => {
      await trx.updateTable('counter').set({ n: 1_000 }).where('id', '=', 1).execute();
      throw new Error('handler failed');
    });
    await expect(failing).rejects.toThrow('handler failed');
    expect((await db.selectFrom('counter').select('n').executeTakeFirstOrThrow()).n).toBe(20);
  });

  it('refuses a query or a transaction on the root handle from inside a transaction, instead of waiting forever', async () => {
    const db = memory.db as unknown as Kysely<CounterTables>;
    const refusals = await db.transaction().execute(async (trx) => {
      await trx.updateTable('counter').set({ n: 500 }).where('id', '=', 1).execute();
      const read = await db
        .selectFrom('counter')
        .select('n')
        .executeTakeFirst()
        .catch((error: Error) => error);
      const nested = await db
        .transaction()
        .execute((inner) => inner.insertInto('counter').values({ id: 2, n: 1 }).execute())
        .catch((error: Error) => error);
      await trx.updateTable('counter').set({ n: 20 }).where('id', '=', 1).execute();
      return [read, nested];
    });
    for (const refusal of refusals) expect(refusal).toEqual(new Error(SESSION_HELD_MESSAGE));
    expect(await db.selectFrom('counter').select(['id', 'n']).orderBy('id').execute()).toEqual([
      { id: 1, n: 20 },
    ]);
  });

  it('keeps a transaction of another caller out while one runs', async () => {
    const db = memory.db as unknown as Kysely<CounterTables>;
    const order: string[] = [];
    let entered!: () => void;
    const first = db.transaction().execute(async (trx) => {
      entered();
      await trx.updateTable('counter').set({ n: 21 }).where('id', '=', 1).execute();
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push('first commits');
    });
    await new Promise<void>((resolve) => {
      entered = resolve;
    });
    const second = db.selectFrom('counter').select('n').executeTakeFirstOrThrow();
    await first;
    order.push(`second reads ${(await second).n}`);
    expect(order).toEqual(['first commits', 'second reads 21']);
  });

  it('delivers a notification when its transaction commits, and none when it rolls back', async () => {
    const heard: string[] = [];
    const unlisten = await memory.notifications.listen('cf_test', (payload) => heard.push(payload));
    await memory.db.transaction().execute(async (trx) => {
      await notify(trx, 'cf_test', 'committed');
      expect(heard).toEqual([]);
    });
    await memory.db
      .transaction()
      .execute(async (trx) => {
        await notify(trx, 'cf_test', 'rolled back');
        throw new Error('undo');
      })
      .catch(() => undefined);
    await notify(memory.db, 'cf_test', 'outside');
    await expect.poll(() => heard).toEqual(['committed', 'outside']);
    unlisten();
    await notify(memory.db, 'cf_test', 'after unlisten');
    await sql`select 1`.execute(memory.db);
    expect(heard).toEqual(['committed', 'outside']);
  });

  it('keeps PostgreSQL’s shared buffers small: the data is in memory already', async () => {
    const { rows } = await sql<{ size: string }>`select current_setting('shared_buffers') as size`.execute(
      memory.db,
    );
    expect(rows[0]?.size).toBe('16MB');
  });

  it('returns int8 as a string, as pg does', async () => {
    const { rows } = await sql<{ n: unknown }>`select count(*) as n from platform.outbox`.execute(memory.db);
    expect(rows[0]?.n).toBe('0');
  });
});
