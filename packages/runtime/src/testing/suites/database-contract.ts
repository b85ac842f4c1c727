// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { type Kysely, sql } from 'kysely';
import { AfterUnitOfWork } from '@contextflow/core-infra/db';
import { container, type DependencyContainer } from 'tsyringe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInUnitOfWork } from '../../buses/run-in-unit-of-work.js';
import type { RuntimeDatabase } from '../../database/runtime-database.js';

/** How {@link databaseContract} reaches the database under test. */
export interface DatabaseHarness {
  /** Opens a fresh, empty database; `drop` closes it and removes it. */
  open(): Promise<{ readonly database: RuntimeDatabase; drop(): Promise<void> }>;
}

interface ProbeTables {
  contract_probe: { name: string };
}

/** Thrown to roll a unit of work back, carrying what happened inside it. */
class RolledBack<T> extends Error {
  constructor(readonly outcome: T) {
    super('rolled back on purpose');
  }
}

const QUIET_MS = 100;

/** Hands the unit of work of `unit` a root-handle write of `value`, to run once the unit has ended. */
const writeAfter = (unit: DependencyContainer, value: string) =>
  unit.resolve<AfterUnitOfWork>(AfterUnitOfWork).run(async (root) => {
    await (root as Kysely<ProbeTables>).insertInto('contract_probe').values({ name: value }).execute();
  });
/** What a single session's refusal says: whose session it is and which handle the query was made on. */
const REFUSAL = /single session.*root database handle/;

/**
 * The contract every database of a runtime keeps (see `RuntimeDatabase`): a query on the root handle never
 * joins a unit of work it was not handed — from another flow it commits on its own; from inside the unit's own
 * work it commits on its own, or, on a single session where it would wait for itself, it is refused with an
 * error saying so; what the unit hands to `AfterUnitOfWork` is written after it, whatever becomes of it — and a
 * notification is delivered after its transaction commits, never before and never after a rollback. The same suite runs against PostgreSQL (this package) and PGlite (`@contextflow/embedded`).
 */
export function databaseContract(name: string, harness: DatabaseHarness): void {
  describe(`${name} keeps the database contract`, () => {
    let opened: Awaited<ReturnType<DatabaseHarness['open']>>;
    let db: Kysely<ProbeTables>;
    const scope = container.createChildContainer();

    const names = async () =>
      (await db.selectFrom('contract_probe').select('name').orderBy('name').execute()).map((row) => row.name);
    const insert = (on: Kysely<ProbeTables>, value: string) =>
      on.insertInto('contract_probe').values({ name: value }).execute();
    /** Runs `work` in a unit of work on the root handle and rolls it back; what `work` returned. */
    const rolledBack = async <T>(work: (trx: Kysely<ProbeTables>) => Promise<T>): Promise<T> => {
      try {
        await runInUnitOfWork(scope, db, async (_scope, trx) => {
          throw new RolledBack(await work(trx));
        });
      } catch (error) {
        if (error instanceof RolledBack) return error.outcome as T;
        throw error;
      }
      throw new Error('the unit of work was meant to roll back');
    };

    beforeAll(async () => {
      opened = await harness.open();
      db = opened.database.db as unknown as Kysely<ProbeTables>;
      await sql`create table contract_probe (name text primary key)`.execute(db);
    });
    afterAll(async () => {
      await opened?.drop();
    });

    it('commits a root-handle write made from another flow while a unit of work is open, whatever the unit does', async () => {
      await sql`truncate contract_probe`.execute(db);
      let started!: () => void;
      const unitStarted = new Promise<void>((resolve) => {
        started = resolve;
      });
      let finish!: () => void;
      const finished = new Promise<void>((resolve) => {
        finish = resolve;
      });
      const unit = rolledBack(async (trx) => {
        await insert(trx, 'unit');
        started();
        await finished;
      });
      await unitStarted;
      // Issued while the unit is open; a single session makes it wait for the unit, a pool runs it now.
      const root = insert(db, 'root');
      finish();
      await unit;
      await root;
      expect(await names()).toEqual(['root']);
    });

    it("never lets a root-handle write made inside a unit of work's own work join it: it commits alone or is refused", async () => {
      await sql`truncate contract_probe`.execute(db);
      const outcome = await rolledBack(async (trx) => {
        await insert(trx, 'unit');
        return insert(db, 'root').then(
          () => 'committed' as const,
          (error: unknown) => error,
        );
      });
      const observed = {
        outcome:
          outcome === 'committed'
            ? outcome
            : outcome instanceof Error && REFUSAL.test(outcome.message)
              ? 'refused, saying why'
              : `failed otherwise: ${String(outcome)}`,
        rows: await names(),
      };
      expect([
        { outcome: 'committed', rows: ['root'] },
        { outcome: 'refused, saying why', rows: [] },
      ]).toContainEqual(observed);
    });

    it('writes what a unit of work hands to AfterUnitOfWork after the unit, on the root handle, whether it commits or rolls back', async () => {
      await sql`truncate contract_probe`.execute(db);
      await runInUnitOfWork(scope, db, async (unit, trx) => {
        await insert(trx, 'committed unit');
        await writeAfter(unit, 'after a commit');
      });
      const failing = runInUnitOfWork(scope, db, async (unit, trx) => {
        await insert(trx, 'rolled-back unit');
        await writeAfter(unit, 'after a rollback');
        throw new Error('the unit fails');
      });
      await expect(failing).rejects.toThrow('the unit fails');
      expect(await names()).toEqual(['after a commit', 'after a rollback', 'committed unit']);
    });

    it('delivers a notification once its transaction commits, not while it is open', async () => {
      const heard: string[] = [];
      const unlisten = await opened.database.notifications.listen('cf_contract', (payload) =>
        heard.push(payload),
      );
      try {
        await runInUnitOfWork(scope, db, async (_scope, trx) => {
          await sql`select pg_notify('cf_contract', 'committed')`.execute(trx);
          await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
          expect(heard).toEqual([]);
        });
        await expect.poll(() => heard).toEqual(['committed']);
      } finally {
        unlisten();
      }
    });

    it('never delivers the notification of a transaction that rolled back', async () => {
      const heard: string[] = [];
      const unlisten = await opened.database.notifications.listen('cf_contract', (payload) =>
        heard.push(payload),
      );
      try {
        await rolledBack(async (trx) => {
          await sql`select pg_notify('cf_contract', 'rolled back')`.execute(trx);
        });
        // One listening connection delivers in commit order: once this one is heard, the other never comes.
        await sql`select pg_notify('cf_contract', 'after')`.execute(db);
        await expect.poll(() => heard).toEqual(['after']);
      } finally {
        unlisten();
      }
    });
  });
}
