import { type ApiClient, createClient, expectStatus } from '@contextflow/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, eventually } from './support/accounts.js';
import { startSystemWithUsers } from './support/start-system-with-users.js';
import { type System, systemConfig } from './support/system.js';

// This suite speaks to the running system through the published typed client (@contextflow/client): a status
// the OpenAPI contract does not document for an operation fails the call, so the contract is checked too.
const ADMIN = { email: 'admin@example.com', password: 'admin password for e2e' };
let system: System;
const replies: { call: string; status: number; contentType: string | null }[] = [];
let alice: Account;
let bob: Account;
let adminToken: string;

/** The typed client as `token`'s holder (anonymous without one); every reply is kept for the last test. */
function as(token?: string): ApiClient {
  return createClient({
    baseUrl: system.baseUrl,
    ...(token === undefined ? {} : { token }),
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const { pathname, search } = new URL(input);
      const call = `${init.method} ${pathname}${search}`;
      replies.push({ call, status: response.status, contentType: response.headers.get('content-type') });
      return response;
    },
  });
}

beforeAll(async () => {
  ({ system, alice, bob, adminToken } = await startSystemWithUsers(ADMIN));
}, 120_000);

afterAll(async () => {
  await system?.close();
});

async function commandStatus(id: string, token: string): Promise<string> {
  return eventually(async () => {
    const reply = expectStatus(await as(token).get('/commands/{id}', { params: { id } }), 200);
    return reply.body.status === 'succeeded' || reply.body.status === 'failed'
      ? reply.body.status
      : undefined;
  });
}

const rename = (account: Account, id: string, name: string, headers: Record<string, string> = {}) =>
  as(account.accessToken).patch('/users/{id}', { params: { id }, body: { name }, headers });

describe('users over HTTP, through the running system, with the typed client', () => {
  it('renames a user: 202 with Location, the command succeeds, the read shows the new name', async () => {
    const accepted = expectStatus(await rename(alice, alice.userId, 'Alice Liddell'), 202);
    expect(accepted.headers.get('location')).toBe(`/commands/${accepted.body.commandId}`);
    expect(await commandStatus(accepted.body.commandId, alice.accessToken)).toBe('succeeded');
    const read = expectStatus(
      await as(alice.accessToken).get('/users/{id}', { params: { id: alice.userId } }),
      200,
    );
    expect(read.body.name).toBe('Alice Liddell');
  });

  it('answers in one round trip with Prefer: wait', async () => {
    const done = expectStatus(await rename(alice, alice.userId, 'Alice Waits', { prefer: 'wait=5' }), 200);
    expect(done.headers.get('preference-applied')).toBe('wait');
    expect(done.body).toMatchObject({ status: 'succeeded', type: 'users.rename-user' });
    const me = expectStatus(await as(alice.accessToken).get('/users/me'), 200);
    expect(me.body.name).toBe('Alice Waits');
  });

  it('returns the same command for a repeated Idempotency-Key, and 422 for a different body under it', async () => {
    const key = { 'idempotency-key': 'rename-once' };
    const first = expectStatus(await rename(bob, bob.userId, 'Robert', key), 202);
    const again = expectStatus(await rename(bob, bob.userId, 'Robert', key), 202);
    const other = await rename(bob, bob.userId, 'Bobby', key);
    expect(again.body.commandId).toBe(first.body.commandId);
    expect(other.status).toBe(422);
  });

  it("hides another user's resources as not found", async () => {
    const asBob = as(bob.accessToken);
    expect((await asBob.get('/users/{id}', { params: { id: alice.userId } })).status).toBe(404);
    expect((await rename(bob, alice.userId, 'Mallory')).status).toBe(404);
    const nobody = '00000000-0000-7000-8000-000000000000';
    expect((await asBob.get('/users/{id}', { params: { id: nobody } })).status).toBe(404);
  });

  it('lets an admin list users, and refuses the list to others', async () => {
    const page = expectStatus(await as(adminToken).get('/users', { query: { limit: 2 } }), 200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    expect((await as(alice.accessToken).get('/users')).status).toBe(403);
  });

  it('searches users by a substring of email or name, with and without a trigram, walking every page', async () => {
    const search = async (q: string) => {
      const found: string[] = [];
      let cursor: string | undefined;
      do {
        const page = expectStatus(
          await as(adminToken).get('/users', { query: { limit: 1, q, ...(cursor ? { cursor } : {}) } }),
          200,
        );
        found.push(...page.body.items.map((user) => user.email));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return found.sort();
    };
    expect(await search('ALICE@')).toEqual(['alice@example.com']);
    expect(await search('bob')).toEqual(['bob@example.com']);
    expect(await search('li')).toEqual(['alice@example.com']);
    expect(await search('@example.')).toEqual([ADMIN.email, 'alice@example.com', 'bob@example.com'].sort());
  });

  it('requires a bearer token', async () => {
    const reply = await as().get('/users/me');
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  // Embedded, the consumers run inside the one dev.js process: there is no worker to stop apart from the API.
  it.skipIf(systemConfig() === 'embedded')(
    'processes commands accepted while the worker was stopped once it starts',
    async () => {
      await system.stopWorker();
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push(expectStatus(await rename(bob, bob.userId, `Bob offline ${i}`), 202).body.commandId);
      }
      const pending = expectStatus(
        await as(bob.accessToken).get('/commands/{id}', { params: { id: ids[0]! } }),
        200,
      );
      expect(pending.body.status).toBe('pending');
      await system.startWorker();
      for (const id of ids) expect(await commandStatus(id, bob.accessToken)).toBe('succeeded');
    },
  );

  it('answers every error with application/problem+json', () => {
    const errors = replies.filter(({ status }) => status >= 300);
    expect(errors.length).toBeGreaterThan(3);
    for (const { call, contentType } of errors) {
      expect({ call, contentType }).toEqual({
        call,
        contentType: expect.stringMatching(/^application\/problem\+json/),
      });
    }
  });
});
