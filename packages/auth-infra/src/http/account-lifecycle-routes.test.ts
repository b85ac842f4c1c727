import { LinkSecrets } from '@contextflow/auth-app';
import { aUser, createAuthFakes } from '@contextflow/auth-app/testing';
import type { HttpEnv } from '@contextflow/core-infra';
import { createHttpTestHarness } from '@contextflow/http-kit/testing';
import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { addAccountLifecycleRoutes } from './account-lifecycle-routes.js';

const USER = '0190c000-0000-7000-8000-0000000000b2';
const LINK = '0190c000-0000-7000-8000-0000000000c3';
const SECRET = 'S'.repeat(43);

const queued = (type: string) => ({ type, handler: Symbol(type), delivery: 'queued' as const });

/** The account lifecycle routes over the route test harness; link secrets hash like the fakes (`hash(…)`). */
function harness() {
  const fakes = createAuthFakes();
  const module = {
    name: 'auth',
    migrations: {},
    commands: [queued('auth.verify-email'), queued('auth.request-email-verification')],
    queries: [],
    events: [],
    register: () => undefined,
    routes: () => {
      const app = new OpenAPIHono<HttpEnv>();
      addAccountLifecycleRoutes(app);
      return app;
    },
  };
  const built = createHttpTestHarness({ modules: [module], tokens: { user: aUser(USER) } });
  built.container.registerInstance(LinkSecrets, fakes.linkSecrets);
  return built;
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
});
