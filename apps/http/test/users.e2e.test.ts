import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, eventually, login, signUp } from './support/accounts.js';
import { client, type Reply } from './support/http-client.js';
import { startSystem, type System, systemConfig } from './support/system.js';

const ADMIN = { email: 'admin@example.com', password: 'admin password for e2e' };
let system: System;
let call: ReturnType<typeof client>;
const replies: { path: string; reply: Reply }[] = [];
let alice: Account;
let bob: Account;
let adminToken: string;

beforeAll(async () => {
  system = await startSystem({
    env: { BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password },
  });
  const raw = client(system.baseUrl);
  // Every reply of the suite is kept: the last test checks every non-2xx one is problem+json.
  call = (async (method: string, path: string, options?: Parameters<typeof raw>[2]) => {
    const reply = await raw(method, path, options);
    replies.push({ path: `${method} ${path}`, reply });
    return reply;
  }) as typeof raw;
  alice = await signUp(call, 'alice@example.com', 'Alice');
  bob = await signUp(call, 'bob@example.com', 'Bob');
  adminToken = (await login(call, ADMIN.email, ADMIN.password)).accessToken;
}, 120_000);

afterAll(async () => {
  await system?.close();
});

async function commandStatus(id: string, token: string): Promise<string> {
  return eventually(async () => {
    const { body } = await call<{ status: string }>('GET', `/commands/${id}`, { token });
    return body.status === 'succeeded' || body.status === 'failed' ? body.status : undefined;
  });
}

describe('users over HTTP, through the running system', () => {
  it('renames a user: 202 with Location, the command succeeds, the read shows the new name', async () => {
    const accepted = await call<{ commandId: string }>('PATCH', `/users/${alice.userId}`, {
      token: alice.accessToken,
      body: { name: 'Alice Liddell' },
    });
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get('location')).toBe(`/commands/${accepted.body.commandId}`);
    expect(await commandStatus(accepted.body.commandId, alice.accessToken)).toBe('succeeded');
    const read = await call<{ name: string }>('GET', `/users/${alice.userId}`, { token: alice.accessToken });
    expect(read.status).toBe(200);
    expect(read.body.name).toBe('Alice Liddell');
  });

  it('answers in one round trip with Prefer: wait', async () => {
    const done = await call<{ status: string; type: string }>('PATCH', `/users/${alice.userId}`, {
      token: alice.accessToken,
      body: { name: 'Alice Waits' },
      headers: { prefer: 'wait=5' },
    });
    expect(done.status).toBe(200);
    expect(done.headers.get('preference-applied')).toBe('wait');
    expect(done.body).toMatchObject({ status: 'succeeded', type: 'users.rename-user' });
    const read = await call<{ name: string }>('GET', '/users/me', { token: alice.accessToken });
    expect(read.body.name).toBe('Alice Waits');
  });

  it('returns the same command for a repeated Idempotency-Key, and 422 for a different body under it', async () => {
    const headers = { 'idempotency-key': 'rename-once' };
    const first = await call<{ commandId: string }>('PATCH', `/users/${bob.userId}`, {
      token: bob.accessToken,
      body: { name: 'Robert' },
      headers,
    });
    const again = await call<{ commandId: string }>('PATCH', `/users/${bob.userId}`, {
      token: bob.accessToken,
      body: { name: 'Robert' },
      headers,
    });
    const other = await call('PATCH', `/users/${bob.userId}`, {
      token: bob.accessToken,
      body: { name: 'Bobby' },
      headers,
    });
    expect(first.status).toBe(202);
    expect(again.body.commandId).toBe(first.body.commandId);
    expect(other.status).toBe(422);
  });

  it("hides another user's resources as not found", async () => {
    expect((await call('GET', `/users/${alice.userId}`, { token: bob.accessToken })).status).toBe(404);
    const rename = await call('PATCH', `/users/${alice.userId}`, {
      token: bob.accessToken,
      body: { name: 'Mallory' },
    });
    expect(rename.status).toBe(404);
    expect(
      (await call('GET', '/users/00000000-0000-7000-8000-000000000000', { token: bob.accessToken })).status,
    ).toBe(404);
  });

  it('lets an admin list users, and refuses the list to others', async () => {
    const page = await call<{ items: { email: string }[]; nextCursor: string | null }>(
      'GET',
      '/users?limit=2',
      { token: adminToken },
    );
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    expect((await call('GET', '/users', { token: alice.accessToken })).status).toBe(403);
  });

  it('requires a bearer token', async () => {
    const reply = await call('GET', '/users/me');
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
        const accepted = await call<{ commandId: string }>('PATCH', `/users/${bob.userId}`, {
          token: bob.accessToken,
          body: { name: `Bob offline ${i}` },
        });
        expect(accepted.status).toBe(202);
        ids.push(accepted.body.commandId);
      }
      const pending = await call<{ status: string }>('GET', `/commands/${ids[0]}`, {
        token: bob.accessToken,
      });
      expect(pending.body.status).toBe('pending');
      await system.startWorker();
      for (const id of ids) expect(await commandStatus(id, bob.accessToken)).toBe('succeeded');
    },
  );

  it('answers every error with application/problem+json', () => {
    const errors = replies.filter(({ reply }) => reply.status >= 300);
    expect(errors.length).toBeGreaterThan(3);
    for (const { path, reply } of errors) {
      expect({ path, type: reply.headers.get('content-type') }).toEqual({
        path,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
    }
  });
});
