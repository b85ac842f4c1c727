import { LinkSecrets, NewPasswordIntake } from '@contextflow/auth-app';
import { anAccount, aUser, createAuthFakes } from '@contextflow/auth-app/testing';
import type { HttpEnv } from '@contextflow/core-infra';
import { createHttpTestHarness } from '@contextflow/http-kit/testing';
import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { Semaphore } from '../concurrency/semaphore.js';
import { addAccountLifecycleRoutes } from './account-lifecycle-routes.js';

const USER = '0190c000-0000-7000-8000-0000000000b2';
const LINK = '0190c000-0000-7000-8000-0000000000c3';
const SECRET = 'S'.repeat(43);
const CURRENT = 'the current passphrase';
const NEW = 'a brand new passphrase';

const queued = (type: string) => ({ type, handler: Symbol(type), delivery: 'queued' as const });

/** The account lifecycle routes over the route test harness; link secrets hash like the fakes (`hash(…)`). */
function harness() {
  const fakes = createAuthFakes();
  const module = {
    name: 'auth',
    migrations: {},
    commands: [
      queued('auth.verify-email'),
      queued('auth.request-email-verification'),
      queued('auth.request-password-reset'),
      queued('auth.reset-password'),
      queued('auth.change-password'),
    ],
    queries: [],
    events: [],
    register: () => undefined,
    routes: () => {
      const app = new OpenAPIHono<HttpEnv>();
      addAccountLifecycleRoutes(app, new Semaphore({ concurrency: 1, maxQueue: 4 }));
      return app;
    },
  };
  const built = createHttpTestHarness({ modules: [module], tokens: { user: aUser(USER) } });
  built.container.registerInstance(LinkSecrets, fakes.linkSecrets);
  fakes.accounts.seed(anAccount().withId(USER).withEmail('ada@example.com').withPassword(CURRENT).build());
  built.container.registerInstance(
    NewPasswordIntake,
    new NewPasswordIntake(fakes.accounts, fakes.links, fakes.hasher, fakes.pendingCredentials, fakes.ids),
  );
  return { ...built, fakes };
}

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('account lifecycle routes', () => {
  it('queues the verification with the link id and the hash of the secret, never the token', async () => {
    const { app, commandBus } = harness();
    const reply = await app.request('/auth/verify-email', post({ token: `${LINK}.${SECRET}` }));
    expect(reply.status).toBe(202);
    expect(commandBus.sent).toEqual([
      expect.objectContaining({
        type: 'auth.verify-email',
        payload: { linkId: LINK, tokenHash: `hash(${SECRET})` },
      }),
    ]);
    expect(JSON.stringify(commandBus.sent)).not.toContain(`${LINK}.${SECRET}`);
  });

  it('answers 422 with the pointer /token for a token of the wrong shape, and queues nothing', async () => {
    const { app, commandBus } = harness();
    for (const token of ['', 'nope', `${LINK}.short`, `${LINK}.${SECRET}x`]) {
      const reply = await app.request('/auth/verify-email', post({ token }));
      expect(reply.status).toBe(422);
      expect(await reply.json()).toMatchObject({ errors: [expect.objectContaining({ pointer: '/token' })] });
    }
    expect(commandBus.sent).toEqual([]);
  });

  it("queues a new verification email for the caller's own account, and refuses an anonymous caller", async () => {
    const { app, commandBus } = harness();
    expect((await app.request('/auth/verify-email/resend', post({}))).status).toBe(401);
    const reply = await app.request('/auth/verify-email/resend', post({}, { authorization: 'Bearer user' }));
    expect(reply.status).toBe(202);
    expect(commandBus.sent).toEqual([
      expect.objectContaining({
        type: 'auth.request-email-verification',
        payload: { accountId: USER, reminder: false },
      }),
    ]);
  });

  it('queues a reset request with the address as typed, the same way for any address', async () => {
    const { app, commandBus } = harness();
    for (const email of ['ada@example.com', 'nobody@example.com']) {
      const reply = await app.request('/auth/forgot-password', post({ email }));
      expect(reply.status).toBe(202);
      expect(Object.keys((await reply.json()) as object)).toEqual(['commandId']);
    }
    expect(commandBus.sent.map((command) => command.payload)).toEqual([
      { email: 'ada@example.com' },
      { email: 'nobody@example.com' },
    ]);
  });

  it('queues a reset with the hash of the secret and a waiting credential, never the password or the token', async () => {
    const { app, commandBus, fakes } = harness();
    const reply = await app.request(
      '/auth/reset-password',
      post({ token: `${LINK}.${SECRET}`, password: NEW }),
    );
    expect(reply.status).toBe(202);
    const [sent] = commandBus.sent;
    expect(sent?.payload).toEqual({
      linkId: LINK,
      tokenHash: `hash(${SECRET})`,
      credentialId: expect.any(String),
    });
    expect(fakes.pendingCredentials.waiting).toEqual([
      (sent?.payload as { credentialId: string } | undefined)?.credentialId,
    ]);
    expect(JSON.stringify(sent)).not.toContain(NEW);
    expect(JSON.stringify(sent)).not.toContain(`${LINK}.${SECRET}`);
  });

  it('refuses a weak new password with 422 at once and queues nothing', async () => {
    const { app, commandBus } = harness();
    const reply = await app.request(
      '/auth/reset-password',
      post({ token: `${LINK}.${SECRET}`, password: 'short' }),
    );
    expect(reply.status).toBe(422);
    expect(await reply.json()).toMatchObject({ errors: [expect.objectContaining({ pointer: '/password' })] });
    expect(commandBus.sent).toEqual([]);
  });

  it("queues a change of the caller's password, with no credential when the current password is wrong", async () => {
    const { app, commandBus } = harness();
    const auth = { authorization: 'Bearer user' };
    expect(
      (await app.request('/auth/change-password', post({ currentPassword: CURRENT, password: NEW }))).status,
    ).toBe(401);
    const wrong = await app.request(
      '/auth/change-password',
      post({ currentPassword: 'nope', password: NEW }, auth),
    );
    const right = await app.request(
      '/auth/change-password',
      post({ currentPassword: CURRENT, password: NEW }, auth),
    );
    expect([wrong.status, right.status]).toEqual([202, 202]);
    expect(commandBus.sent.map((command) => command.payload)).toEqual([
      { accountId: USER, credentialId: null },
      { accountId: USER, credentialId: expect.any(String) },
    ]);
    expect(JSON.stringify(commandBus.sent)).not.toContain(CURRENT);
  });
});
