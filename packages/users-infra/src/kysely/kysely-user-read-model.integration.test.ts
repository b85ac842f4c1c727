import { Clock, IdGenerator } from '@contextflow/core';
import { runInUnitOfWork } from '@contextflow/runtime';
import { UserReadModel, type UserView } from '@contextflow/users-app';
import { Email, newStamp, User, UserName, UserRepository } from '@contextflow/users-domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { usersRuntime } from '../../test/users-runtime.js';

const runtime = usersRuntime();
let views: UserReadModel;

beforeAll(async () => {
  views = runtime().container.resolve<UserReadModel>(UserReadModel);
  const ids = runtime().container.resolve<IdGenerator>(IdGenerator);
  const clock = runtime().container.resolve<Clock>(Clock);
  // 45 users; every third deactivated; one whose name holds LIKE wildcards.
  await runInUnitOfWork(runtime().container, runtime().db, async (scope) => {
    const users = scope.resolve<UserRepository>(UserRepository);
    for (let i = 0; i < 45; i++) {
      const name = i === 7 ? 'Percent 100%_done' : `User ${i}`;
      const user = User.register(
        { id: ids.next(), email: Email.of(`user${i}@example.com`), name: UserName.of(name) },
        newStamp(ids, clock),
      );
      if (i % 3 === 0) user.deactivate(newStamp(ids, clock));
      await users.save(user);
    }
  });
});

async function allPages(
  filter: { status?: 'active' | 'deactivated'; q?: string } = {},
): Promise<UserView[][]> {
  const pages: UserView[][] = [];
  let cursor: string | undefined;
  do {
    const page = await views.list({ limit: 20, cursor, ...filter });
    pages.push([...page.items]);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return pages;
}

describe('KyselyUserReadModel', () => {
  it('pages through every user exactly once, newest first', async () => {
    const pages = await allPages();
    expect(pages.map((p) => p.length)).toEqual([20, 20, 5]);
    const all = pages.flat();
    expect(new Set(all.map((u) => u.id)).size).toBe(45);
    const keys = all.map((u) => `${u.createdAt}|${u.id}`);
    expect(keys).toEqual(keys.toSorted().toReversed());
  });

  it('filters by status', async () => {
    const deactivated = (await allPages({ status: 'deactivated' })).flat();
    expect(deactivated).toHaveLength(15);
    expect(deactivated.every((u) => u.status === 'deactivated')).toBe(true);
  });

  it('searches email and name case-insensitively, taking % and _ literally', async () => {
    const found = (await views.list({ limit: 100, q: 'USER4' })).items.map((u) => u.email);
    expect(found.sort()).toEqual(
      ['4', '40', '41', '42', '43', '44'].map((n) => `user${n}@example.com`).sort(),
    );
    expect((await views.list({ limit: 100, q: '100%_' })).items.map((u) => u.name)).toEqual([
      'Percent 100%_done',
    ]);
    expect((await views.list({ limit: 100, q: '%' })).items).toHaveLength(1);
  });

  it('rejects a cursor it did not issue', async () => {
    await expect(views.list({ limit: 20, cursor: 'bogus' })).rejects.toMatchObject({
      code: 'users.invalid_cursor',
    });
  });

  it('rejects a cursor whose timestamp JavaScript reads but PostgreSQL cannot hold, before any query', async () => {
    const id = '0190a000-0000-7000-8000-00000000a11c';
    for (const createdAt of ['0000-01-01T00:00:00Z', '2026-01-01T00:00:00+16:00']) {
      const cursor = Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
      await expect(views.list({ limit: 20, cursor })).rejects.toMatchObject({ code: 'users.invalid_cursor' });
    }
  });

  it('returns null for an unknown or malformed id', async () => {
    expect(await views.get('00000000-0000-7000-8000-000000000000')).toBeNull();
    expect(await views.get('nope')).toBeNull();
  });
});
