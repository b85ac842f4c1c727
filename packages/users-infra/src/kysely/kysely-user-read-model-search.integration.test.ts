import { UserReadModel, type UserView } from '@contextflow/users-app';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { usersRuntime } from '../../test/users-runtime.js';
import { SCAN_WINDOW } from './kysely-user-read-model.js';

// More rows than one scan window, bulk-loaded as the read model's own rows: the newest has the highest n.
// Every 97th user is named "Qx <n>" (a short term, `qx`, only they hold); every 10th is deactivated.
const ROWS = SCAN_WINDOW * 2 + 500;
const isQx = (n: number) => n % 97 === 0;

const runtime = usersRuntime();
let views: UserReadModel;

beforeAll(async () => {
  views = runtime().container.resolve<UserReadModel>(UserReadModel);
  await sql`
    insert into users.user_views (id, email, name, status, created_at, updated_at)
    select gen_random_uuid(), 'member' || n || '@search.example',
           case when n % 97 = 0 then 'Qx ' || n else 'Member ' || n end,
           case when n % 10 = 0 then 'deactivated' else 'active' end,
           timestamptz '2026-01-01' + n * interval '1 second', timestamptz '2026-01-01' + n * interval '1 second'
    from generate_series(1, ${ROWS}) as n`.execute(runtime().db);
  await sql`analyze users.user_views`.execute(runtime().db);
});

async function walk(filter: { q: string; status?: 'active' | 'deactivated' }, limit = 20) {
  const pages: UserView[][] = [];
  let cursor: string | undefined;
  do {
    const page = await views.list({ limit, cursor, ...filter });
    pages.push([...page.items]);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && pages.length < 1_000);
  return pages;
}

const numbersOf = (users: UserView[]) => users.map((u) => Number(u.email.match(/\d+/)?.[0]));
const expected = (keep: (n: number) => boolean) =>
  Array.from({ length: ROWS }, (_, i) => ROWS - i).filter(keep);

describe('KyselyUserReadModel search (q)', () => {
  it('walks a short term (no trigram) window by window: every match once, newest first', async () => {
    const pages = await walk({ q: 'QX' });
    expect(numbersOf(pages.flat())).toEqual(expected(isQx));
    // A window holds about 20 matches here: pages end where a window does, short of the limit, and go on.
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.some((page) => page.length < 20)).toBe(true);
  });

  it('keeps the status filter and a page limit below the matches of a window', async () => {
    const pages = await walk({ q: 'qx', status: 'deactivated' }, 3);
    expect(numbersOf(pages.flat())).toEqual(expected((n) => isQx(n) && n % 10 === 0));
    expect(pages.every((page) => page.length <= 3)).toBe(true);
  });

  it('answers a term with trigrams in full pages, like a common short term', async () => {
    const rare = await walk({ q: 'MEMBER97@' });
    expect(rare).toHaveLength(1);
    expect(numbersOf(rare.flat())).toEqual([97]);
    const some = await walk({ q: 'member97' }, 4);
    expect(some.slice(0, -1).every((page) => page.length === 4)).toBe(true);
    expect(numbersOf(some.flat())).toEqual(expected((n) => String(n).startsWith('97')));
    const common = await walk({ q: 'm' }, 500);
    expect(common.slice(0, -1).every((page) => page.length === 500)).toBe(true);
    expect(numbersOf(common.flat())).toEqual(expected(() => true));
  });

  it('has trigram indexes the planner can use for a substring of email or name', async () => {
    const plan = await runtime()
      .db.transaction()
      .execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const { rows } = await sql<{ 'QUERY PLAN': string }>`
        explain select * from users.user_views where email ilike '%ember12%' or name ilike '%ember12%'`.execute(
          trx,
        );
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      });
    expect(plan).toContain('user_views_email_trgm');
    expect(plan).toContain('user_views_name_trgm');
  });
});
