import type { Principal } from '@contextflow/core';
import type { HttpEnv } from '@contextflow/core-infra';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requireRole } from './require-role.js';

function appFor(principal: Principal | null) {
  const app = new Hono<HttpEnv>();
  app.use(async (c, next) => {
    c.set('principal', principal);
    await next();
  });
  app.get('/admin', requireRole('admin'), (c) => c.text('ok'));
  app.onError((error, c) => c.json({ code: (error as { code?: string }).code }, 418));
  return app;
}

describe('requireRole', () => {
  it('lets a principal with the role through', async () => {
    const reply = await appFor({ userId: 'a', roles: ['user', 'admin'] }).request('/admin');
    expect(await reply.text()).toBe('ok');
  });

  it('refuses a principal without the role as forbidden', async () => {
    const reply = await appFor({ userId: 'a', roles: ['user'] }).request('/admin');
    expect(await reply.json()).toEqual({ code: 'auth.forbidden' });
  });

  it('refuses an anonymous caller as unauthenticated', async () => {
    const reply = await appFor(null).request('/admin');
    expect(await reply.json()).toEqual({ code: 'auth.unauthenticated' });
  });
});
