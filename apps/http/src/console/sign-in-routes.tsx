/** @jsxImportSource hono/jsx */
import { type LoginTokens, LoginCommand, type TokenOutcome } from '@contextflow/auth-app';
import type { HttpEnv } from '@contextflow/core-infra';
import { Authenticator, commandMetadata } from '@contextflow/http-kit';
import { type Context, Hono } from 'hono';
import { LoginPage, RefusedPage } from './console-pages.js';
import { loginCookie, loginCsrfToken, mayOperate, sameToken, startSession } from './console-session.js';

/** The socket's address, for the sign-in throttle (empty when unknown, as in `app.request()` tests). */
function clientAddress(c: Context<HttpEnv>): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? '';
}

/**
 * The console's sign-in: the auth context's own login use case (its throttles included), then the admin role
 * checked before any session starts. A double-submit cookie guards the form itself.
 */
export function signInRoutes(): Hono<HttpEnv> {
  const app = new Hono<HttpEnv>();
  app.get('/console/login', (c) => c.html(<LoginPage csrf={loginCsrfToken(c)} />));
  app.post('/console/login', async (c) => {
    const form = await c.req.parseBody();
    if (!sameToken(form.csrf, loginCookie(c)))
      return c.html(<LoginPage csrf={loginCsrfToken(c)} error="The form was stale: sign in again." />, 403);
    const email = typeof form.email === 'string' ? form.email : '';
    const password = typeof form.password === 'string' ? form.password : '';
    const command = {
      type: LoginCommand.type,
      payload: { email, password, clientAddress: clientAddress(c) },
      meta: commandMetadata(c),
    };
    const outcome = await c.var.commandBus.execute<TokenOutcome<LoginTokens>>(command);
    if (!outcome.ok) {
      const error = outcome.error.kind === 'rate_limited' ? 'Too many attempts: wait a while.' : 'Wrong email or password.';
      return c.html(<LoginPage csrf={loginCsrfToken(c)} error={error} />, outcome.error.kind === 'rate_limited' ? 429 : 401);
    }
    const principal = await c.var.container.resolve<Authenticator>(Authenticator).authenticate(outcome.tokens.accessToken);
    if (!mayOperate(principal)) return c.html(<RefusedPage />, 403);
    startSession(c, outcome.tokens.accessToken, outcome.tokens.expiresIn);
    return c.redirect('/console', 303);
  });
  return app;
}
