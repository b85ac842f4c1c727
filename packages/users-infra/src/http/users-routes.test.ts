import type { Query } from '@contextflow/core';
import { createHttpTestHarness } from '@contextflow/http-kit/testing';
import { GetUserHandler, GetUserQuery, ListUsersHandler, ListUsersQuery } from '@contextflow/users-app';
import {
  admin,
  aliceActor,
  aliceId,
  aUser,
  bobActor,
  bobId,
  InMemoryUserReadModel,
  InMemoryUserRepository,
} from '@contextflow/users-app/testing';
import { describe, expect, it } from 'vitest';
import { usersRoutes } from './users-routes.js';

function harness() {
  const repository = new InMemoryUserRepository().seed(
    aUser().withId(aliceId).withEmail('alice@example.com').withName('Alice').build(),
    aUser().withId(bobId).withEmail('bob@example.com').withName('Bob').build(),
  );
  const views = new InMemoryUserReadModel(repository);
  const getUser = new GetUserHandler(views);
  const listUsers = new ListUsersHandler(views);
  return createHttpTestHarness({
    modules: [
      {
        name: 'users',
        migrations: {},
        commands: [],
        queries: [],
        events: [],
        register: () => {},
        routes: usersRoutes,
      },
    ],
    tokens: { alice: aliceActor, bob: bobActor, admin },
    queries: {
      [GetUserQuery.type]: (query: Query) => getUser.handle(query as GetUserQuery),
      [ListUsersQuery.type]: (query: Query) => listUsers.handle(query as ListUsersQuery),
    },
  });
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe('users routes', () => {
  it('answers GET /users/me with the caller', async () => {
    const reply = await harness().app.request('/users/me', { headers: auth('alice') });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({
      id: aliceId,
      email: 'alice@example.com',
      name: 'Alice',
      status: 'active',
    });
  });

  it("answers another user's id with 404, as if absent", async () => {
    const reply = await harness().app.request(`/users/${aliceId}`, { headers: auth('bob') });
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('accepts a rename of oneself: 202, Location, the command on the bus', async () => {
    const h = harness();
    const reply = await h.app.request(`/users/${aliceId}`, {
      method: 'PATCH',
      headers: { ...auth('alice'), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Alice L.', role: 'admin' }),
    });
    expect(reply.status).toBe(202);
    const body = (await reply.json()) as { commandId: string };
    expect(reply.headers.get('location')).toBe(`/commands/${body.commandId}`);
    // Unknown body fields are ignored, never applied.
    expect(h.commandBus.sent.map((c) => [c.type, c.payload])).toEqual([
      ['users.rename-user', { userId: aliceId, name: 'Alice L.' }],
    ]);
  });

  it('refuses to accept a rename of another user, as not found, and sends nothing', async () => {
    const h = harness();
    const reply = await h.app.request(`/users/${aliceId}`, {
      method: 'PATCH',
      headers: { ...auth('bob'), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Mallory' }),
    });
    expect(reply.status).toBe(404);
    expect(h.commandBus.sent).toEqual([]);
  });

  it.each([
    ['an empty name', '', 'http/validation-failed'],
    ['a name of spaces only (the domain refuses it too)', '   ', 'http/validation-failed'],
    ['a name with a NUL character', 'nul\u0000byte', 'http/validation-failed'],
    ['a name with a lone high surrogate', 'lone\ud800x', 'http/unstorable-text'],
    ['a name with a lone low surrogate', 'x\udc00', 'http/unstorable-text'],
  ])('refuses %s with 422, a pointer to the field, and sends nothing', async (_label, name, type) => {
    const h = harness();
    const reply = await h.app.request(`/users/${aliceId}`, {
      method: 'PATCH',
      headers: { ...auth('alice'), 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await reply.json()) as { type: string; errors: unknown[] };
    expect(problem.type).toMatch(new RegExp(`${type}$`));
    expect(problem.errors).toEqual([expect.objectContaining({ pointer: '/name' })]);
    expect(h.commandBus.sent).toEqual([]);
  });

  it('refuses a search or cursor holding a NUL character with 422 before any query runs', async () => {
    const h = harness();
    for (const query of ['q=a%00b', 'cursor=%00']) {
      const reply = await h.app.request(`/users?${query}`, { headers: auth('admin') });
      expect(reply.status).toBe(422);
      expect(await reply.json()).toMatchObject({ errors: [{ pointer: `/${query.split('=')[0]}` }] });
    }
  });

  it('keeps the user list and the status commands to admins', async () => {
    const h = harness();
    expect((await h.app.request('/users', { headers: auth('alice') })).status).toBe(403);
    expect(
      (await h.app.request(`/users/${bobId}/deactivate`, { method: 'POST', headers: auth('alice') })).status,
    ).toBe(403);
    const list = await h.app.request('/users?limit=1', { headers: auth('admin') });
    expect(list.status).toBe(200);
    const page = (await list.json()) as { items: unknown[]; nextCursor: string | null };
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(
      (await h.app.request(`/users/${bobId}/deactivate`, { method: 'POST', headers: auth('admin') })).status,
    ).toBe(202);
    expect(h.commandBus.sent.map((c) => c.type)).toEqual(['users.deactivate-user']);
  });

  it('caps the page size at 100', async () => {
    const reply = await harness().app.request('/users?limit=101', { headers: auth('admin') });
    expect(reply.status).toBe(422);
  });
});
