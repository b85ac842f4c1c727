import { AuthErrors } from '@contextflow/auth-domain';
import { RegistrationIntake, type TokenOutcome } from '@contextflow/auth-app';
import { anAdmin, aUser, createAuthFakes } from '@contextflow/auth-app/testing';
import type { Command } from '@contextflow/core';
import { createHttpTestHarness } from '@contextflow/http-kit/testing';
import { describe, expect, it } from 'vitest';
import { Semaphore } from '../concurrency/semaphore.js';
import { generateDevelopmentKey, JwtKeySet } from '../crypto/jwt-keys.js';
import { authRoutes } from './auth-routes.js';

const ACCOUNT = '0190c000-0000-7000-8000-0000000000a1';
/** A sign-in lane of its own for each harness. */
const lane = () => new Semaphore({ concurrency: 2, maxQueue: 4 });
const tokens = { accessToken: 'access-1', refreshToken: 'refresh-1', tokenType: 'Bearer', expiresIn: 900 };

/** The auth routes over in-memory fakes; in-process commands answer with `executes` (the login's outcome…). */
function harness(executes: Record<string, (command: Command) => unknown> = {}) {
  const fakes = createAuthFakes();
  const keys = new JwtKeySet(generateDevelopmentKey());
  const module = {
    name: 'auth',
    migrations: {},
    commands: [
      { type: 'auth.register-account', handler: Symbol('register'), delivery: 'queued' as const },
      { type: 'auth.login', handler: Symbol('login'), delivery: 'in-process' as const },
      { type: 'auth.refresh', handler: Symbol('refresh'), delivery: 'in-process' as const },
    ],
    queries: [],
    events: [],
    register: () => undefined,
    routes: () => authRoutes({ keys, trustedProxyHops: 0, signIns: lane(), registrations: lane() }),
  };
  const built = createHttpTestHarness({
    modules: [module],
    tokens: { user: aUser('0190c000-0000-7000-8000-0000000000b2'), admin: anAdmin() },
    executes,
  });
  built.container.registerInstance(
    RegistrationIntake,
    new RegistrationIntake(fakes.registrations, fakes.hasher, fakes.pendingCredentials, fakes.ids),
  );
  return { ...built, fakes, keys };
}

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const granted = (): TokenOutcome => ({ ok: true, tokens: { ...tokens, tokenType: 'Bearer' } });

describe('auth routes', () => {
  it('accepts a registration with 202 and queues a command that carries no password', async () => {
    const { app, commandBus, fakes } = harness();
    const reply = await app.request(
      '/auth/register',
      post({ email: 'Ada@Example.com', password: 'correct horse battery staple', name: 'Ada' }),
    );
    expect(reply.status).toBe(202);
    const body = (await reply.json()) as { commandId: string; userId: string };
    expect(reply.headers.get('location')).toBe(`/commands/${body.commandId}`);
    expect(commandBus.sent).toHaveLength(1);
    const [sent] = commandBus.sent;
    expect(sent).toMatchObject({
      type: 'auth.register-account',
      payload: { accountId: body.userId, name: 'Ada' },
    });
    expect(JSON.stringify(sent)).not.toContain('correct horse battery staple');
    expect(await fakes.pendingCredentials.take(body.userId)).toEqual(expect.any(String));
  });

  it('answers a registration without a password with 422 problem details, and queues nothing', async () => {
    const { app, commandBus } = harness();
    const reply = await app.request('/auth/register', post({ email: 'ada@example.com', name: 'Ada' }));
    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(commandBus.sent).toEqual([]);
  });

  it.each([
    ['spaces only', '   '],
    ['a NUL character', 'nul\u0000byte'],
    ['a lone surrogate', 'lone\ud800x'],
  ])('refuses a name of %s with 422 at /name before any password is hashed', async (_label, name) => {
    const { app, commandBus, fakes } = harness();
    const reply = await app.request(
      '/auth/register',
      post({ email: 'ada@example.com', password: 'correct horse battery staple', name }),
    );
    expect(reply.status).toBe(422);
    expect(await reply.json()).toMatchObject({ errors: [{ pointer: '/name' }] });
    expect(commandBus.sent).toEqual([]);
    expect(fakes.hasher.hashCalls).toBe(0);
  });

  it('signs in through an in-process command and answers its tokens, never cached', async () => {
    const { app, commandBus } = harness({ 'auth.login': async () => granted() });
    const reply = await app.request(
      '/auth/login',
      post({ email: 'ada@example.com', password: 'correct horse battery staple' }),
    );
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(await reply.json()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    expect(commandBus.executed.map((command) => command.type)).toEqual(['auth.login']);
    expect(commandBus.sent).toEqual([]);
  });

  it("answers a refused sign-in with the refusal's problem", async () => {
    const { app } = harness({
      'auth.login': async (): Promise<TokenOutcome> => ({
        ok: false,
        error: AuthErrors.invalidCredentials(),
      }),
    });
    const reply = await app.request('/auth/login', post({ email: 'ada@example.com', password: 'wrong one' }));
    expect(reply.status).toBe(401);
    expect(await reply.json()).toMatchObject({ code: 'auth.invalid_credentials' });
  });

  it('refreshes through an in-process command', async () => {
    const { app, commandBus } = harness({ 'auth.refresh': async () => granted() });
    const reply = await app.request('/auth/refresh', post({ refreshToken: 'refresh-0' }));
    expect(reply.status).toBe(200);
    expect(commandBus.executed[0]).toMatchObject({
      type: 'auth.refresh',
      payload: { refreshToken: 'refresh-0' },
    });
  });

  it('requires a signed-in caller to end every session', async () => {
    const { app } = harness();
    const reply = await app.request('/auth/logout-all', { method: 'POST' });
    expect(reply.status).toBe(401);
  });

  it('lets only an administrator change roles', async () => {
    const { app, commandBus } = harness();
    const asUser = await app.request(
      `/auth/users/${ACCOUNT}/roles`,
      post({ role: 'admin' }, { authorization: 'Bearer user' }),
    );
    expect(asUser.status).toBe(403);
    const asAdmin = await app.request(
      `/auth/users/${ACCOUNT}/roles`,
      post({ role: 'admin' }, { authorization: 'Bearer admin' }),
    );
    expect(asAdmin.status).toBe(202);
    expect(commandBus.sent).toMatchObject([
      { type: 'auth.grant-role', payload: { accountId: ACCOUNT, role: 'admin' } },
    ]);
  });

  it('publishes the public signing keys', async () => {
    const { app, keys } = harness();
    const reply = await app.request('/.well-known/jwks.json');
    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual(JSON.parse(JSON.stringify(keys.jwks())));
  });
});
