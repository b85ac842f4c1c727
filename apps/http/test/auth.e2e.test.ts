import { createPublicKey, type JsonWebKey, randomBytes, verify } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, login, signUp } from './support/accounts.js';
import { deadLetter, showDeadLetter } from './support/dead-letter.js';
import { client, type Reply } from './support/http-client.js';
import { jwtForgery } from './support/jwt-forgery.js';
import { startSystem, type System } from './support/system.js';
import { schemasBut, tablesAsText } from './support/tables-as-text.js';

const ADMIN = { email: 'auth-admin@example.com', password: 'admin password for the auth e2e' };
const PASSWORD = 'correct horse battery staple';
const MAX_FAILURES = 3;
const WINDOW_SECONDS = 600;

interface Tokens {
  accessToken: string;
  refreshToken: string;
  tokenType: string;
  expiresIn: number;
  deviceToken?: string;
}
interface CommandView {
  id: string;
  type: string;
  status: string;
  result?: Record<string, unknown>;
  error?: { type: string; status: number; errors?: { pointer: string }[] };
}
interface Jwk {
  kid: string;
  x: string;
  [member: string]: unknown;
}

let system: System;
let db: Kysely<unknown>;
let call: ReturnType<typeof client>;
const replies: { path: string; reply: Reply }[] = [];
let adminToken: string;

beforeAll(async () => {
  system = await startSystem({
    env: {
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: String(MAX_FAILURES),
      // Every request comes from 127.0.0.1: the address limit must not be what the tests run into.
      LOGIN_MAX_FAILURES_PER_ADDRESS: '10000',
      LOGIN_FAILURE_WINDOW_SECONDS: String(WINDOW_SECONDS),
    },
  });
  // PostgreSQL directly, or the embedded PGlite through dev.js: the checks below read the same tables.
  db = system.db;
  const raw = client(system.baseUrl);
  // Every reply of the suite is kept: the last test checks every non-2xx one is problem+json.
  call = (async (method: string, path: string, options?: Parameters<typeof raw>[2]) => {
    const reply = await raw(method, path, options);
    replies.push({ path: `${method} ${path}`, reply });
    return reply;
  }) as typeof raw;
  adminToken = (await login(call, ADMIN.email, ADMIN.password)).accessToken;
}, 120_000);

afterAll(async () => {
  await system?.close();
});

const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString('hex')}@example.com`;
const newUser = (label: string) => signUp(call, uniqueEmail(label), `User ${label}`);
const register = (body: { email: string; password: string; name: string }, wait = true) =>
  call<CommandView & { commandId: string; userId: string }>('POST', '/auth/register', {
    body,
    ...(wait ? { headers: { prefer: 'wait=10' } } : {}),
  });
const loginReply = (email: string, password: string) =>
  call<Tokens>('POST', '/auth/login', { body: { email, password } });
const refresh = (refreshToken: string) => call<Tokens>('POST', '/auth/refresh', { body: { refreshToken } });
const meStatus = async (token: string) => (await call('GET', '/users/me', { token })).status;
const asAdmin = (method: string, path: string, body?: unknown) =>
  call<CommandView>(method, path, { token: adminToken, body, headers: { prefer: 'wait=10' } });
const accountStatus = async (id: string) =>
  (await sql<{ status: string }>`select status from auth.accounts where id = ${id}`.execute(db)).rows[0]
    ?.status;
// Sign-in failures count towards the throttle, so a reaction in the auth context is awaited in its table.
const untilAccountIs = (id: string, status: string) =>
  eventually(async () => ((await accountStatus(id)) === status ? true : undefined));

// A sign-in also answers the device token; a refresh cannot (only its hash is stored).
function expectTokenPair(tokens: Tokens, from: 'login' | 'refresh' = 'login') {
  const device = from === 'login' ? ['deviceToken'] : [];
  expect(Object.keys(tokens).sort()).toEqual(
    ['accessToken', ...device, 'expiresIn', 'refreshToken', 'tokenType'].sort(),
  );
  expect(tokens.tokenType).toBe('Bearer');
  expect(Number.isInteger(tokens.expiresIn)).toBe(true);
  expect(tokens.expiresIn).toBeGreaterThan(0);
  expect(tokens.expiresIn).toBeLessThanOrEqual(900);
}

// What a client can tell from a refused sign-in; `instance` is the request's own.
function answerShape(reply: Reply) {
  const { instance: _instance, ...body } = reply.body as Record<string, unknown>;
  return {
    status: reply.status,
    type: reply.headers.get('content-type'),
    auth: reply.headers.get('www-authenticate'),
    body,
  };
}

describe('auth over HTTP, through the running system', () => {
  it('registers, signs in and serves the profile the AccountRegistered event creates', async () => {
    const email = uniqueEmail('Ada');
    const registered = await register({ email, password: PASSWORD, name: 'Ada Lovelace' });
    expect(registered.status).toBe(200);
    expect(registered.headers.get('preference-applied')).toBe('wait');
    expect(registered.body).toMatchObject({ type: 'auth.register-account', status: 'succeeded' });

    const signedIn = await loginReply(email, PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
    expectTokenPair(signedIn.body);

    const me = await eventually(async () => {
      const reply = await call<Record<string, unknown>>('GET', '/users/me', {
        token: signedIn.body.accessToken,
      });
      return reply.status === 200 ? reply.body : undefined;
    });
    expect(Object.keys(me).sort()).toEqual([
      'createdAt',
      'email',
      'emailVerified',
      'id',
      'name',
      'status',
      'updatedAt',
    ]);
    expect(me).toMatchObject({ email: email.toLowerCase(), name: 'Ada Lovelace', status: 'active' });
    expect(JSON.stringify(me)).not.toContain(PASSWORD);
    expect(registered.body.result).toEqual({ accountId: me.id });
  });

  it('accepts a registration with 202, its command id, the new user id and Location', async () => {
    const email = uniqueEmail('accepted');
    const accepted = await register({ email, password: PASSWORD, name: 'Accepted' }, false);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ commandId: expect.any(String), userId: expect.any(String) });
    expect(accepted.headers.get('location')).toBe(`/commands/${accepted.body.commandId}`);
    await untilAccountIs(accepted.body.userId, 'active');
    const tokens = await login(call, email, PASSWORD);
    const me = await eventually(async () => {
      const reply = await call<{ id: string }>('GET', '/users/me', { token: tokens.accessToken });
      return reply.status === 200 ? reply.body : undefined;
    });
    expect(me.id).toBe(accepted.body.userId);
  });

  it('answers a second registration of a taken email exactly like a new one (no account oracle)', async () => {
    const email = uniqueEmail('taken');
    expect((await register({ email, password: PASSWORD, name: 'First' })).body.status).toBe('succeeded');
    const second = await register({ email, password: 'another fine passphrase', name: 'Second' });
    const fresh = await register({ email: uniqueEmail('fresh'), password: PASSWORD, name: 'Fresh' });
    const shape = (reply: typeof second) => ({
      status: reply.status,
      type: reply.body.type,
      state: reply.body.status,
      result: Object.keys(reply.body.result ?? {}),
      error: reply.body.error,
    });
    expect(shape(second)).toEqual(shape(fresh));
    expect(shape(second)).toMatchObject({ status: 200, state: 'succeeded', error: undefined });
    // No second account: the first one's password still works, the second one's does not.
    expect((await loginReply(email, PASSWORD)).status).toBe(200);
    expect((await loginReply(email, 'another fine passphrase')).status).toBe(401);
    const accounts = await sql<{
      n: string;
    }>`select count(*) as n from auth.accounts where email = ${email}`.execute(db);
    expect(accounts.rows[0]?.n).toBe('1');
  });

  it("never hands one anonymous caller another's command for a shared Idempotency-Key (shared key attack)", async () => {
    const key = `shared-${randomBytes(6).toString('hex')}`;
    const bob = { email: uniqueEmail('bob'), password: PASSWORD, name: 'Bob' };
    const alice = { ...bob, password: 'alice has another passphrase' };
    const headers = { 'idempotency-key': key };
    const bobs = await call<{ commandId: string; userId: string }>('POST', '/auth/register', {
      body: bob,
      headers,
    });
    const alices = await call<{ commandId: string; userId: string }>('POST', '/auth/register', {
      body: alice,
      headers,
    });
    expect(bobs.status).toBe(202);
    expect(alices.status).toBe(202);
    expect(alices.body.commandId).not.toBe(bobs.body.commandId);
    expect(alices.body.userId).not.toBe(bobs.body.userId);
    const stored = await sql<{ key: string | null }>`
      select idempotency_key as key from platform.commands where id in (${bobs.body.commandId}, ${alices.body.commandId})
    `.execute(db);
    expect(stored.rows).toEqual([{ key: null }, { key: null }]);

    // Taking a key first does not make another caller's request with it fail either.
    const squatted = `squatted-${randomBytes(6).toString('hex')}`;
    const squatter = { email: uniqueEmail('squatter'), password: PASSWORD, name: 'Squatter' };
    expect(
      (await call('POST', '/auth/register', { body: squatter, headers: { 'idempotency-key': squatted } }))
        .status,
    ).toBe(202);
    const victim = await call<CommandView>('POST', '/auth/register', {
      body: { email: uniqueEmail('victim'), password: PASSWORD, name: 'Victim' },
      headers: { 'idempotency-key': squatted, prefer: 'wait=10' },
    });
    expect(victim.status).toBe(200);
    expect(victim.body.status).toBe('succeeded');
  });

  it('rejects a weak password with 422 pointing at /password and accepts nothing', async () => {
    for (const password of ['short', 'iloveyou']) {
      const email = uniqueEmail('weak');
      const reply = await register({ email, password, name: 'Weak' });
      expect(reply.status).toBe(422);
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(reply.headers.get('location')).toBeNull();
      expect((reply.body as unknown as { errors?: unknown }).errors).toEqual([
        expect.objectContaining({ pointer: '/password' }),
      ]);
      const commands = await sql<{ n: string }>`
        select count(*) as n from platform.commands where payload::text like ${`%${email}%`}
      `.execute(db);
      expect(commands.rows[0]?.n).toBe('0');
      const accounts = await sql<{ n: string }>`
        select count(*) as n from auth.accounts where email = ${email}
      `.execute(db);
      expect(accounts.rows[0]?.n).toBe('0');
    }
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const user = await newUser('known');
    const wrongPassword = answerShape(await loginReply(user.email, 'not the right passphrase'));
    const unknownEmail = answerShape(await loginReply(uniqueEmail('nobody'), PASSWORD));
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body.type).toMatch(/invalid-credentials$/);
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it('rotates the refresh token: a new pair, and the old refresh token no longer works', async () => {
    const user = await newUser('rotate');
    const rotated = await refresh(user.refreshToken);
    expect(rotated.status).toBe(200);
    expectTokenPair(rotated.body, 'refresh');
    expect(rotated.body.refreshToken).not.toBe(user.refreshToken);
    expect(await meStatus(rotated.body.accessToken)).toBe(200);
    expect((await refresh(user.refreshToken)).status).toBe(401);
  });

  it('revokes the whole family when an already-rotated refresh token is presented', async () => {
    const user = await newUser('reuse');
    const first = await login(call, user.email, user.password);
    const second = (await refresh(first.refreshToken)).body;
    const newest = (await refresh(second.refreshToken)).body;
    expect(await meStatus(newest.accessToken)).toBe(200);

    const replayed = await refresh(first.refreshToken);
    expect(replayed.status).toBe(401);
    expect((await refresh(newest.refreshToken)).status).toBe(401);
    expect(await meStatus(newest.accessToken)).toBe(401);
    // Only that family: the user's other session is untouched.
    expect(await meStatus(user.accessToken)).toBe(200);
  });

  it("logs out one session: its tokens stop working, the user's other session keeps working", async () => {
    const user = await newUser('logout');
    const other = await login(call, user.email, user.password);
    const out = await call('POST', '/auth/logout', { body: { refreshToken: user.refreshToken } });
    expect(out.status).toBe(204);
    expect(out.body).toBe('');
    expect((await refresh(user.refreshToken)).status).toBe(401);
    expect(await meStatus(user.accessToken)).toBe(401);
    expect(await meStatus(other.accessToken)).toBe(200);
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it("ends a user's sessions on deactivation and lets them sign in again after reactivation", async () => {
    const user = await newUser('deactivated');
    const deactivated = await asAdmin('POST', `/users/${user.userId}/deactivate`);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.status).toBe('succeeded');
    // The auth context reacts to UserDeactivated: eventually consistent.
    await eventually(async () => ((await meStatus(user.accessToken)) === 401 ? true : undefined));
    expect((await loginReply(user.email, user.password)).status).toBe(401);
    expect((await refresh(user.refreshToken)).status).toBe(401);

    const reactivated = await asAdmin('POST', `/users/${user.userId}/reactivate`);
    expect(reactivated.body.status).toBe('succeeded');
    await untilAccountIs(user.userId, 'active');
    const again = await login(call, user.email, user.password);
    const me = await call<{ status: string }>('GET', '/users/me', { token: again.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.status).toBe('active');
  });

  it('lets an admin grant and revoke the admin role, and refuses the role routes to others', async () => {
    const user = await newUser('promoted');
    const bystander = await newUser('bystander');
    expect((await call('GET', '/users', { token: user.accessToken })).status).toBe(403);
    const refused = await call('POST', `/auth/users/${user.userId}/roles`, {
      token: bystander.accessToken,
      body: { role: 'admin' },
    });
    expect(refused.status).toBe(403);

    const granted = await asAdmin('POST', `/auth/users/${user.userId}/roles`, { role: 'admin' });
    expect(granted.status).toBe(200);
    expect(granted.body.status).toBe('succeeded');
    const promoted = await login(call, user.email, user.password);
    expect((await call('GET', '/users', { token: promoted.accessToken })).status).toBe(200);

    const revoked = await asAdmin('DELETE', `/auth/users/${user.userId}/roles/admin`);
    expect(revoked.body.status).toBe('succeeded');
    const demoted = await login(call, user.email, user.password);
    expect((await call('GET', '/users', { token: demoted.accessToken })).status).toBe(403);
  });

  it('serves only public keys, and they verify the access tokens it issues', async () => {
    const user = await newUser('jwks');
    const jwks = await call<{ keys: Jwk[] }>('GET', '/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    expect(jwks.body.keys.length).toBeGreaterThan(0);
    for (const key of jwks.body.keys) {
      expect(key).not.toHaveProperty('d');
      expect(
        Object.keys(key).every((member) => ['kty', 'crv', 'x', 'y', 'kid', 'alg', 'use'].includes(member)),
      ).toBe(true);
    }
    const { header } = jwtForgery.parse(user.accessToken);
    const key = jwks.body.keys.find((candidate) => candidate.kid === header.kid);
    expect(key).toBeDefined();
    const [head, payload, signature] = user.accessToken.split('.') as [string, string, string];
    const publicKey = createPublicKey({ key: key as unknown as JsonWebKey, format: 'jwk' });
    expect(
      verify(null, Buffer.from(`${head}.${payload}`), publicKey, Buffer.from(signature, 'base64url')),
    ).toBe(true);
  });

  it('refuses forged and tampered access tokens with 401 and WWW-Authenticate: Bearer', async () => {
    const user = await newUser('forged');
    const victim = await newUser('victim');
    expect(await meStatus(user.accessToken)).toBe(200);
    const jwks = (await call<{ keys: Jwk[] }>('GET', '/.well-known/jwks.json')).body;
    const { header, payload } = jwtForgery.parse(user.accessToken);
    const jwk = jwks.keys.find((candidate) => candidate.kid === header.kid) as Jwk;
    const pem = createPublicKey({ key: jwk as unknown as JsonWebKey, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const past = Math.floor(Date.now() / 1000) - 3600;
    const fresh = jwtForgery.freshKey();
    const attacker = { ...header, kid: 'attacker-key' };
    const forgeries: Record<string, string> = {
      'alg none': jwtForgery.unsigned(header, payload),
      'alg none, signature kept': jwtForgery.tamper(user.accessToken, { header: { alg: 'none' } }),
      'HS256 keyed with the public PEM': jwtForgery.hs256(header, payload, pem),
      'HS256 keyed with the JWK x': jwtForgery.hs256(header, payload, jwk.x),
      'HS256 keyed with the raw public key': jwtForgery.hs256(
        header,
        payload,
        Buffer.from(jwk.x, 'base64url'),
      ),
      'HS256 keyed with the JWK JSON': jwtForgery.hs256(header, payload, JSON.stringify(jwk)),
      'expired (exp tampered)': jwtForgery.tamper(user.accessToken, { payload: { exp: past } }),
      'wrong audience': jwtForgery.tamper(user.accessToken, { payload: { aud: 'another-api' } }),
      'wrong issuer': jwtForgery.tamper(user.accessToken, { payload: { iss: 'https://evil.example' } }),
      'roles tampered to admin': jwtForgery.tamper(user.accessToken, {
        payload: { roles: ['user', 'admin'] },
      }),
      'subject tampered to another user': jwtForgery.tamper(user.accessToken, {
        payload: { sub: victim.userId },
      }),
      'unknown kid, signature kept': jwtForgery.tamper(user.accessToken, { header: { kid: 'attacker-key' } }),
      'fresh key under the server kid': jwtForgery.eddsa(header, payload, fresh),
      'fresh key, unknown kid': jwtForgery.eddsa(attacker, payload, fresh),
      'fresh key, unknown kid, expired': jwtForgery.eddsa(attacker, { ...payload, exp: past }, fresh),
      'not a JWT': 'not-a-jwt',
    };
    // The self-signed forgeries are well-formed: they verify under the attacker's own public key.
    const selfSigned = forgeries['fresh key, unknown kid'] ?? '';
    const [head, body, signature] = selfSigned.split('.') as [string, string, string];
    expect(
      verify(
        null,
        Buffer.from(`${head}.${body}`),
        createPublicKey(fresh),
        Buffer.from(signature, 'base64url'),
      ),
    ).toBe(true);
    const answers: Record<string, unknown> = {};
    for (const [name, token] of Object.entries(forgeries)) {
      const reply = await call('GET', '/users/me', { token });
      answers[name] = {
        status: reply.status,
        auth: reply.headers.get('www-authenticate'),
        type: reply.headers.get('content-type'),
      };
    }
    const refused = {
      status: 401,
      auth: 'Bearer',
      type: expect.stringMatching(/^application\/problem\+json/),
    };
    expect(answers).toEqual(Object.fromEntries(Object.keys(forgeries).map((name) => [name, refused])));
    // The genuine token still works: the refusals above came from the forgeries, not from the session.
    expect(await meStatus(user.accessToken)).toBe(200);
  });

  it('throttles an account after repeated failures, even the right password, while its sessions keep working', async () => {
    const user = await newUser('throttled');
    for (let i = 0; i < MAX_FAILURES; i += 1) {
      expect((await loginReply(user.email, `wrong passphrase ${i}`)).status).toBe(401);
    }
    const blocked = await loginReply(user.email, user.password);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(blocked.body).toMatchObject({ status: 429, type: expect.stringMatching(/too-many-attempts$/) });
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(await meStatus(user.accessToken)).toBe(200);
    expect((await refresh(user.refreshToken)).status).toBe(200);
  });

  it('never logs, stores or queues the plaintext password, and no hash leaves the auth schema', async () => {
    const canary = `canary-${randomBytes(8).toString('hex')}-Pw!`;
    const email = uniqueEmail('canary');
    const owner = await signUp(call, email, 'Canary Owner', canary);
    await loginReply(email, `${canary}-wrong`);
    await refresh(owner.refreshToken);
    const twin = await register({ email, password: canary, name: 'Canary Twin' });
    expect(twin.body.status).toBe('succeeded');
    // A rejected registration carries it too (too long for the policy).
    const refused = await register({
      email: uniqueEmail('refused'),
      password: canary.repeat(10),
      name: 'No',
    });
    expect(refused.status).toBe(422);
    // A registration that dies in the dead-letter queue (services: there is a broker to die in).
    let dead = '';
    if (system.config === 'services') {
      await system.stopWorker();
      const accepted = await register({ email: uniqueEmail('dead'), password: canary, name: 'Dead' }, false);
      await deadLetter(system, 'auth', accepted.body.commandId);
      await system.startWorker();
      const failed = await eventually(async () => {
        const view = await call<CommandView>('GET', `/commands/${accepted.body.commandId}`);
        return view.body.status === 'failed' ? view.body : undefined;
      }, 20_000);
      expect(failed.error?.type).toMatch(/dead-lettered$/);
      dead = await showDeadLetter(system, accepted.body.commandId);
      expect(dead).toContain(accepted.body.commandId);
    }

    const outside = await tablesAsText(db, await schemasBut(db, 'auth'));
    expect(outside.tables).toEqual(
      expect.arrayContaining(['platform.commands', 'platform.outbox', 'platform.inbox']),
    );
    expect(outside.tables.some((table) => table.startsWith('users.'))).toBe(true);
    // The scan reads real data: the email and the user id are there, neither the password nor any hash of it.
    expect(outside.text).toContain(email);
    expect(outside.text).toContain(owner.userId);
    expect(outside.text).not.toContain('$argon2');
    expect(outside.text).not.toContain(canary);
    expect(dead).not.toContain('$argon2');
    expect(dead).not.toContain(canary);
    const auth = await tablesAsText(db, ['auth']);
    expect(auth.text).toContain('$argon2id$');
    expect(auth.text).not.toContain(canary);

    const lines = system.allLines();
    expect(lines.some((line) => line.includes('/auth/register'))).toBe(true);
    expect(lines.join('\n')).not.toContain(canary);
    expect(lines.join('\n')).not.toContain('$argon2');
  });

  it('keeps sign-ins off the queue: no password or issued token in platform.commands, the outbox (what the broker gets) or a log line', async () => {
    const password = `signin-${randomBytes(8).toString('hex')}-Pw!`;
    const email = uniqueEmail('signin');
    await signUp(call, email, 'Sign In', password);
    const signedIn = await loginReply(email, password);
    expect(signedIn.status).toBe(200);
    const refreshed = await refresh(signedIn.body.refreshToken);
    expect(refreshed.status).toBe(200);
    expect(
      (await call('POST', '/auth/logout', { body: { refreshToken: refreshed.body.refreshToken } })).status,
    ).toBe(204);
    const secrets = [
      password,
      signedIn.body.accessToken,
      signedIn.body.refreshToken,
      signedIn.body.deviceToken ?? '',
      refreshed.body.accessToken,
      refreshed.body.refreshToken,
    ];
    expect(secrets.every((secret) => secret.length > 16)).toBe(true);

    const platform = await tablesAsText(db, ['platform']);
    expect(platform.text).toContain(email);
    for (const secret of secrets) expect(platform.text).not.toContain(secret);
    // The relay publishes outbox rows only: none is a sign-in, so none reached the broker.
    const { rows } = await sql<{ type: string }>`
      select type from platform.commands where type in ('auth.login', 'auth.refresh', 'auth.logout')
      union all
      select routing_key from platform.outbox where routing_key in ('auth.login', 'auth.refresh', 'auth.logout')
    `.execute(db);
    expect(rows).toEqual([]);
    const lines = system.allLines().join('\n');
    for (const secret of secrets) expect(lines).not.toContain(secret);
  });

  it('answers every error with application/problem+json', () => {
    const errors = replies.filter(({ reply }) => reply.status >= 300);
    expect(errors.length).toBeGreaterThan(20);
    for (const { path, reply } of errors) {
      expect({ path, type: reply.headers.get('content-type') }).toEqual({
        path,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
    }
  });
});
