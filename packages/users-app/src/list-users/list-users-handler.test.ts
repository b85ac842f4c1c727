import type { Page, Principal } from '@contextflow/core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { UserView } from '../contracts/user-view.js';
import { aQuery } from '../testing/a-command.js';
import { aUser } from '../testing/a-user.js';
import { InMemoryUserReadModel } from '../testing/in-memory-user-read-model.js';
import { InMemoryUserRepository } from '../testing/in-memory-user-repository.js';
import { admin, aliceActor } from '../testing/principals.js';
import { ListUsersHandler } from './list-users-handler.js';
import { ListUsersQuery, type ListUsersParams } from './list-users-query.js';

let repository: InMemoryUserRepository;
let handler: ListUsersHandler;
const list = (params: ListUsersParams, actor: Principal | null = admin): Promise<Page<UserView>> =>
  handler.handle(aQuery(ListUsersQuery.type, params, actor));

/** 45 users; three share each creation minute, so the id breaks ties; every fifth is deactivated. */
function seedUsers(): void {
  for (let i = 1; i <= 45; i++) {
    const n = i.toString().padStart(2, '0');
    repository.seed(
      aUser()
        .withId(`0190b000-0000-7000-8000-0000000000${n}`)
        .withEmail(`user${n}@example.com`)
        .withName(i === 7 ? 'Zoë Example' : `User ${n}`)
        .withStatus(i % 5 === 0 ? 'deactivated' : 'active')
        .createdAt(new Date(Date.UTC(2026, 0, 1, 0, Math.floor(i / 3))))
        .snapshot(),
    );
  }
}

beforeEach(() => {
  repository = new InMemoryUserRepository();
  handler = new ListUsersHandler(new InMemoryUserReadModel(repository));
  seedUsers();
});

describe('ListUsersHandler', () => {
  it('walks 45 users in three pages, newest first, each user exactly once', async () => {
    const first = await list({ limit: 20 });
    const second = await list({ limit: 20, cursor: first.nextCursor ?? 'missing' });
    const third = await list({ limit: 20, cursor: second.nextCursor ?? 'missing' });
    expect([first.items.length, second.items.length, third.items.length]).toEqual([20, 20, 5]);
    expect(third.nextCursor).toBeNull();
    const all = [...first.items, ...second.items, ...third.items];
    expect(new Set(all.map((user) => user.id)).size).toBe(45);
    const sorted = [...all].sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
    );
    expect(all).toEqual(sorted);
    expect(all[0]?.email).toBe('user45@example.com');
    expect(all.at(-1)?.email).toBe('user01@example.com');
  });

  it('gives no cursor on a page that holds the last user', async () => {
    const first = await list({ limit: 45 });
    expect(first.items).toHaveLength(45);
    expect(first.nextCursor).toBeNull();
  });

  it('filters by status, across pages', async () => {
    const first = await list({ limit: 5, status: 'deactivated' });
    const second = await list({ limit: 5, status: 'deactivated', cursor: first.nextCursor ?? 'missing' });
    expect([...first.items, ...second.items].map((user) => user.email)).toEqual(
      [45, 40, 35, 30, 25, 20, 15, 10, 5].map((i) => `user${i.toString().padStart(2, '0')}@example.com`),
    );
    expect(second.nextCursor).toBeNull();
  });

  it('searches email and name as a case-insensitive substring', async () => {
    const byEmail = await list({ limit: 20, q: 'USER4' });
    expect(byEmail.items.map((user) => user.email)).toEqual(
      [45, 44, 43, 42, 41, 40].map((i) => `user${i}@example.com`),
    );
    const byName = await list({ limit: 20, q: 'zoë' });
    expect(byName.items.map((user) => user.name)).toEqual(['Zoë Example']);
  });

  it('treats a blank search as no search', async () => {
    expect((await list({ limit: 100, q: '  ' })).items).toHaveLength(45);
  });

  it('combines the status filter and the search', async () => {
    const page = await list({ limit: 20, q: 'user4', status: 'deactivated' });
    expect(page.items.map((user) => user.email)).toEqual(['user45@example.com', 'user40@example.com']);
  });

  it('rejects a cursor it did not issue', async () => {
    await expect(list({ limit: 20, cursor: 'bogus' })).rejects.toMatchObject({
      kind: 'invalid',
      code: 'users.invalid_cursor',
    });
  });

  it.each([
    ['a plain user', aliceActor],
    ['an anonymous caller', null],
  ])('forbids %s', async (_label, actor) => {
    await expect(list({ limit: 20 }, actor)).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'users.admin_only',
    });
  });
});
