import { EnableAccountOnUserReactivated } from '../src/amqp/enable-account-on-user-reactivated.js';
import { EndSessionsOnUserDeactivated } from '../src/amqp/end-sessions-on-user-deactivated.js';
import type { DomainEvent, EventHandler } from '@contextflow/core';
import { runInUnitOfWork } from '@contextflow/runtime';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBootstrapAdmin } from '../src/index.js';
import { type AuthHarness, startAuthHarness } from './auth-http-harness.js';

let h: AuthHarness;
let sequence = 0;
const PASSWORD = 'a-long-enough-passphrase';
const anEmail = () => `user${(sequence += 1)}@example.com`;
const someUuid = '01900000-0000-7000-8000-000000000000';

beforeAll(async () => {
  h = await startAuthHarness({
    BOOTSTRAP_ADMIN_EMAIL: 'root@example.com',
    BOOTSTRAP_ADMIN_PASSWORD: 'the-bootstrap-passphrase',
  });
});

afterAll(async () => {
  await h?.stop();
});

// GET /commands/{id} needs a caller: an unknown id answers 404 to a valid token and 401 to anything else.
const probe = (token?: string) =>
  h.call('GET', `/commands/${someUuid}`, undefined, token === undefined ? {} : { token });

async function react(
  Reaction: typeof EndSessionsOnUserDeactivated | typeof EnableAccountOnUserReactivated,
  userId: string,
) {
  const event = {
    id: someUuid,
    type: 'users.x',
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateId: userId,
    aggregateVersion: 2,
    payload: {},
  };
  await runInUnitOfWork(h.runtime.container, h.runtime.db, (scope) =>
    scope.resolve<EventHandler<DomainEvent>>(Reaction).handle(event),
  );
}

describe('auth routes over a real database', () => {
  it('registers (202 + Location), then signs in with tokens for that user', async () => {
    const email = anEmail();
    const response = await h.call('POST', '/auth/register', { email, password: PASSWORD, name: 'Ada' });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { commandId: string; userId: string };
    expect(response.headers.get('location')).toBe(`/commands/${body.commandId}`);
    expect(await h.runQueued(body.commandId)).toEqual({ accountId: body.userId });

    const login = await h.call('POST', '/auth/login', { email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.headers.get('cache-control')).toBe('no-store');
    const tokens = (await login.json()) as Record<string, unknown>;
    expect(tokens).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      tokenType: 'Bearer',
      expiresIn: 900,
      deviceToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(decodeJwt(tokens.accessToken as string)).toMatchObject({ sub: body.userId, roles: ['user'] });
  });

  it("answers a signed-in caller's replayed registration (same Idempotency-Key, same body) with the first command and user id", async () => {
    const operator = anEmail();
    await h.register(operator, PASSWORD);
    const { accessToken } = await h.login(operator, PASSWORD);
    const email = anEmail();
    const headers = { 'idempotency-key': `register-${email}` };
    const register = (name: string) =>
      h.call('POST', '/auth/register', { email, password: PASSWORD, name }, { headers, token: accessToken });
    const first = await register('Ada');
    const again = await register('Ada');
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    const [a, b] = (await Promise.all([first.json(), again.json()])) as {
      commandId: string;
      userId: string;
    }[];
    expect(b).toEqual(a);
    expect((await register('Someone Else')).status).toBe(422);
  });

  it("ignores an anonymous caller's Idempotency-Key: every request is a command of its own", async () => {
    const email = anEmail();
    const headers = { 'idempotency-key': `anonymous-${email}` };
    const register = () =>
      h.call('POST', '/auth/register', { email, password: PASSWORD, name: 'Ada' }, { headers });
    const [first, again] = (await Promise.all([(await register()).json(), (await register()).json()])) as {
      commandId: string;
    }[];
    expect(again?.commandId).not.toBe(first?.commandId);
  });

  it('shows an anonymous registration command to whoever holds its id, without a token', async () => {
    const response = await h.call('POST', '/auth/register', {
      email: anEmail(),
      password: PASSWORD,
      name: 'Ada',
    });
    const { commandId } = (await response.json()) as { commandId: string };
    const pending = await h.call('GET', `/commands/${commandId}`);
    expect(pending.status).toBe(200);
    expect(await pending.json()).toMatchObject({
      id: commandId,
      type: 'auth.register-account',
      status: 'pending',
    });
    // Without a token, any other id is a 401, as on every authenticated route.
    expect((await probe()).status).toBe(401);
  });

  it('refuses a weak password at once with 422, before any command exists', async () => {
    const response = await h.call('POST', '/auth/register', {
      email: anEmail(),
      password: 'password',
      name: 'Weak W',
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      code: 'auth.weak_password',
      errors: [{ pointer: '/password' }],
    });
    const commands = await h.runtime.db
      .selectFrom('platform.commands')
      .select('id')
      .where('payload', '@>', JSON.stringify({ name: 'Weak W' }))
      .execute();
    expect(commands).toEqual([]);
  });

  it('answers a taken email like a new one: the command succeeds, no second account, and the owner is emailed through the outbox', async () => {
    const email = anEmail();
    const ownerId = await h.register(email, PASSWORD);
    const again = await h.call('POST', '/auth/register', {
      email,
      password: 'another passphrase',
      name: 'Twin',
    });
    expect(again.status).toBe(202);
    const { commandId, userId } = (await again.json()) as { commandId: string; userId: string };
    const before = h.lines.length;
    expect(await h.runQueued(commandId)).toEqual({ accountId: userId });
    const accounts = await sql<{ id: string }>`select id from auth.accounts where email = ${email}`.execute(
      h.runtime.db,
    );
    expect(accounts.rows).toEqual([{ id: ownerId }]);
    const events = await sql<{ routing_key: string }>`
      select routing_key from platform.outbox where body->>'aggregateId' = ${ownerId} order by seq`.execute(
      h.runtime.db,
    );
    expect(events.rows.map((row) => row.routing_key)).toEqual([
      'auth.account-registered.v1',
      'auth.email-verification-requested.v1',
      'auth.registration-attempted.v1',
    ]);
    expect(h.lines.slice(before).filter((line) => line.includes(email))).toEqual([]);
    // The owner's password is untouched.
    expect((await h.call('POST', '/auth/login', { email, password: PASSWORD })).status).toBe(200);
  });

  it('lets an access token through the Authenticator and answers 401 for a missing or forged one', async () => {
    const email = anEmail();
    await h.register(email, PASSWORD);
    const { accessToken } = await h.login(email, PASSWORD);
    expect((await probe(accessToken)).status).toBe(404);
    const anonymous = await probe();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    // Forged: one character in the middle of the signature changed (the last one's low bits are padding, so
    // changing the end could leave the signature's bytes as they were).
    const at = accessToken.length - 40;
    const forged = `${accessToken.slice(0, at)}${accessToken[at] === 'A' ? 'B' : 'A'}${accessToken.slice(at + 1)}`;
    expect((await probe(forged)).status).toBe(401);
  });

  it('rotates the refresh token: the new one works, the old one is refused', async () => {
    const email = anEmail();
    await h.register(email, PASSWORD);
    const first = await h.login(email, PASSWORD);
    const refreshed = await h.call('POST', '/auth/refresh', { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.get('cache-control')).toBe('no-store');
    const second = (await refreshed.json()) as { accessToken: string; refreshToken: string };
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await probe(second.accessToken)).status).toBe(404);
    const third = await h.call('POST', '/auth/refresh', { refreshToken: second.refreshToken });
    expect(third.status).toBe(200);
  });

  it('revokes the whole family when an exchanged refresh token comes back (both tokens dead)', async () => {
    const email = anEmail();
    await h.register(email, PASSWORD);
    const stolen = await h.login(email, PASSWORD);
    const legit = (await (
      await h.call('POST', '/auth/refresh', { refreshToken: stolen.refreshToken })
    ).json()) as {
      accessToken: string;
      refreshToken: string;
    };
    const replay = await h.call('POST', '/auth/refresh', { refreshToken: stolen.refreshToken });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ code: 'auth.refresh_token_reused' });
    expect((await h.call('POST', '/auth/refresh', { refreshToken: legit.refreshToken })).status).toBe(401);
    expect((await probe(legit.accessToken)).status).toBe(401);
    expect((await probe(stolen.accessToken)).status).toBe(401);
  });

  it('logs out: 204, and the session access and refresh tokens stop working', async () => {
    const email = anEmail();
    await h.register(email, PASSWORD);
    const other = await h.login(email, PASSWORD);
    const tokens = await h.login(email, PASSWORD);
    const logout = await h.call('POST', '/auth/logout', { refreshToken: tokens.refreshToken });
    expect(logout.status).toBe(204);
    expect(await logout.text()).toBe('');
    expect((await probe(tokens.accessToken)).status).toBe(401);
    expect((await h.call('POST', '/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
    expect((await probe(other.accessToken)).status).toBe(404);
    expect((await h.call('POST', '/auth/logout', { refreshToken: tokens.refreshToken })).status).toBe(204);
    expect((await h.call('POST', '/auth/logout', { refreshToken: 'never-issued' })).status).toBe(204);
  });

  it('logs out everywhere: every session of the caller ends, this one included, and its device tokens are revoked', async () => {
    const email = anEmail();
    await h.register(email, PASSWORD);
    const here = await h.login(email, PASSWORD);
    const elsewhere = await h.login(email, PASSWORD);
    const bystander = anEmail();
    await h.register(bystander, PASSWORD);
    const theirs = await h.login(bystander, PASSWORD);

    expect((await h.call('POST', '/auth/logout-all')).status).toBe(401);
    const out = await h.call('POST', '/auth/logout-all', undefined, { token: here.accessToken });
    expect(out.status).toBe(204);
    expect(await out.text()).toBe('');
    expect((await probe(here.accessToken)).status).toBe(401);
    expect((await probe(elsewhere.accessToken)).status).toBe(401);
    expect((await h.call('POST', '/auth/refresh', { refreshToken: elsewhere.refreshToken })).status).toBe(
      401,
    );
    expect((await probe(theirs.accessToken)).status).toBe(404);
    // The revoked device token is answered with a new one at the next sign-in.
    const next = await h.call('POST', '/auth/login', {
      email,
      password: PASSWORD,
      deviceToken: here.deviceToken,
    });
    expect(next.status).toBe(200);
    expect(((await next.json()) as { deviceToken: string }).deviceToken).not.toBe(here.deviceToken);
  });

  it('publishes the public keys that verify the access tokens', async () => {
    const email = anEmail();
    await h.register(email, PASSWORD);
    const { accessToken } = await h.login(email, PASSWORD);
    const response = await h.call('GET', '/.well-known/jwks.json');
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toEqual([
      {
        kty: 'OKP',
        crv: 'Ed25519',
        x: expect.any(String),
        kid: decodeProtectedHeader(accessToken).kid,
        alg: 'EdDSA',
        use: 'sig',
      },
    ]);
  });

  it('makes sure of the bootstrap admin once, who may then grant and revoke roles', async () => {
    const bootstrap = h.config.bootstrapAdmin as { email: string; password: string };
    const first = await ensureBootstrapAdmin(h.runtime.container, h.config);
    expect(await ensureBootstrapAdmin(h.runtime.container, h.config)).toEqual({ ...first, created: false });
    const admin = await h.login(bootstrap.email, bootstrap.password);

    const email = anEmail();
    const userId = await h.register(email, PASSWORD);
    const user = await h.login(email, PASSWORD);
    const grant = (token: string) =>
      h.call('POST', `/auth/users/${userId}/roles`, { role: 'admin' }, { token });
    expect((await grant(user.accessToken)).status).toBe(403);
    expect((await h.call('POST', `/auth/users/${userId}/roles`, { role: 'admin' })).status).toBe(401);
    expect(
      (await h.call('POST', `/auth/users/${userId}/roles`, { role: 'root' }, { token: admin.accessToken }))
        .status,
    ).toBe(422);

    const granted = await grant(admin.accessToken);
    expect(granted.status).toBe(202);
    const { commandId } = (await granted.json()) as { commandId: string };
    expect(await h.runQueued(commandId)).toEqual({ accountId: userId, roles: ['user', 'admin'] });
    // The same access token now carries the new role: roles come from the account, not from the token.
    expect((await grant(user.accessToken)).status).toBe(202);

    const revoke = await h.call('DELETE', `/auth/users/${userId}/roles/admin`, undefined, {
      token: admin.accessToken,
    });
    expect(revoke.status).toBe(202);
    await h.runQueued(((await revoke.json()) as { commandId: string }).commandId);
    expect((await grant(user.accessToken)).status).toBe(403);
  });

  it('refuses to make an administrator of an account someone else registered with the bootstrap address (takeover)', async () => {
    const email = anEmail();
    await h.register(email, 'the attacker passphrase');
    const operator = { bootstrapAdmin: { email, password: 'the operator passphrase' } };
    await expect(ensureBootstrapAdmin(h.runtime.container, operator)).rejects.toMatchObject({
      code: 'auth.bootstrap_password_mismatch',
      message: expect.stringContaining('BOOTSTRAP_ADMIN_PASSWORD'),
    });
    const attacker = await h.login(email, 'the attacker passphrase');
    const someone = await h.register(anEmail(), PASSWORD);
    const grant = await h.call(
      'POST',
      `/auth/users/${someone}/roles`,
      { role: 'admin' },
      { token: attacker.accessToken },
    );
    expect(grant.status).toBe(403);
  });

  it('gives a revoked administrator role back only when the bootstrap password proves the operator', async () => {
    const email = anEmail();
    const operator = { bootstrapAdmin: { email, password: 'the operator passphrase' } };
    const { accountId } = (await ensureBootstrapAdmin(h.runtime.container, operator)) ?? { accountId: '' };
    const admin = await h.login(email, 'the operator passphrase');
    const revoke = await h.call('DELETE', `/auth/users/${accountId}/roles/admin`, undefined, {
      token: admin.accessToken,
    });
    await h.runQueued(((await revoke.json()) as { commandId: string }).commandId);
    const someone = await h.register(anEmail(), PASSWORD);
    const grant = () =>
      h.call('POST', `/auth/users/${someone}/roles`, { role: 'admin' }, { token: admin.accessToken });
    expect((await grant()).status).toBe(403);

    const guessed = { bootstrapAdmin: { email, password: 'a guessed passphrase' } };
    await expect(ensureBootstrapAdmin(h.runtime.container, guessed)).rejects.toMatchObject({
      code: 'auth.bootstrap_password_mismatch',
    });
    expect((await grant()).status).toBe(403);
    expect(await ensureBootstrapAdmin(h.runtime.container, operator)).toEqual({ accountId, created: false });
    expect((await grant()).status).toBe(202);
  });

  it('ends every session when the user is deactivated and allows sign-in again after reactivation', async () => {
    const email = anEmail();
    const userId = await h.register(email, PASSWORD);
    const tokens = await h.login(email, PASSWORD);
    await react(EndSessionsOnUserDeactivated, userId);
    expect((await probe(tokens.accessToken)).status).toBe(401);
    expect((await h.call('POST', '/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
    expect((await h.call('POST', '/auth/login', { email, password: PASSWORD })).status).toBe(401);
    await react(EnableAccountOnUserReactivated, userId);
    expect((await probe((await h.login(email, PASSWORD)).accessToken)).status).toBe(404);
  });

  it('describes every auth route in the OpenAPI document under the auth tag', async () => {
    const doc = (await (await h.call('GET', '/openapi.json')).json()) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const auth = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => operation.tags?.includes('auth'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(auth.sort()).toEqual([
      'DELETE /auth/users/{id}/roles/{role}',
      'GET /.well-known/jwks.json',
      'POST /auth/change-password',
      'POST /auth/forgot-password',
      'POST /auth/login',
      'POST /auth/logout',
      'POST /auth/logout-all',
      'POST /auth/refresh',
      'POST /auth/register',
      'POST /auth/reset-password',
      'POST /auth/users/{id}/roles',
      'POST /auth/verify-email',
      'POST /auth/verify-email/resend',
    ]);
  });
});
