/** @jsxImportSource hono/jsx */
import { readFileSync } from 'node:fs';
import { type Command, CommandBus, type Principal } from '@contextflow/core';
import {
  CommandStatusReader,
  FailureActionTypes,
  FailureReader,
  type HttpEnv,
  isFailureId,
} from '@contextflow/core-infra';
import { Db, type PlatformTables } from '@contextflow/core-infra/db';
import { commandMetadata } from '@contextflow/http-kit';
import { readCommandStats, readDueBacklog, readOutboxStatus } from '@contextflow/runtime/operations';
import { type Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import { ActionPage, FailurePage, GroupsPage, OverviewPage, RefusedPage } from './console-pages.js';
import { csrfToken, endSession, mayOperate, sameToken, sessionPrincipal } from './console-session.js';
import { signInRoutes } from './sign-in-routes.js';

const asset = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');

/**
 * The operations console under `/console`, for administrators: server-rendered pages (Hono JSX, no build step)
 * over the same readers and commands as the admin API, a session cookie from an admin's sign-in, a CSRF token
 * on every action, and one stylesheet and one script the app serves itself (the CSP allows nothing inline).
 */
export function consoleRoutes(): Hono<HttpEnv> {
  const app = new Hono<HttpEnv>();
  const [css, js, icon] = [asset('console.css'), asset('console.js'), asset('favicon.svg')];
  const cached = { 'Cache-Control': 'public, max-age=300' };
  app.get('/console/assets/console.css', (c) => c.body(css, 200, { ...cached, 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/console/assets/console.js', (c) =>
    c.body(js, 200, { ...cached, 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/console/assets/favicon.svg', (c) => c.body(icon, 200, { ...cached, 'Content-Type': 'image/svg+xml' }));
  app.route('/', signInRoutes());

  // Everything else needs an admin's session; an action also the session's CSRF token.
  app.use('/console', guard);
  app.use('/console/*', guard);

  app.post('/console/logout', (c) => {
    endSession(c);
    return c.redirect('/console/login', 303);
  });
  app.get('/console', async (c) => {
    const db = c.var.container.resolve<Kysely<PlatformTables>>(Db);
    const [stats, outbox, scheduled, failures] = await Promise.all([
      readCommandStats(db),
      readOutboxStatus(db),
      readDueBacklog(db),
      c.var.container.resolve<FailureReader>(FailureReader).perQueue(),
    ]);
    return c.html(<OverviewPage csrf={csrfToken(c)} stats={stats} outbox={outbox} scheduled={scheduled} failures={failures} />);
  });
  app.get('/console/failures', async (c) => {
    const groups = await c.var.container.resolve<FailureReader>(FailureReader).groups();
    return c.html(<GroupsPage csrf={csrfToken(c)} groups={groups} />);
  });
  app.get('/console/failures/:id', async (c) => {
    const id = c.req.param('id');
    const failure = isFailureId(id) ? await c.var.container.resolve<FailureReader>(FailureReader).find(id) : null;
    if (failure === null) return c.notFound();
    return c.html(<FailurePage csrf={csrfToken(c)} failure={failure} />);
  });
  app.post('/console/failures/retry', async (c) => {
    const form = c.var.consoleForm;
    const rate = Number(form.rate ?? 5);
    const filter = selection(form);
    if (filter === undefined || !(rate > 0 && rate <= 10_000)) return c.text('Bad request', 400);
    return act(c, FailureActionTypes.retry, { filter, ratePerSecond: rate });
  });
  app.post('/console/failures/purge', async (c) => {
    const filter = selection(c.var.consoleForm);
    if (filter === undefined) return c.text('Bad request', 400);
    return act(c, FailureActionTypes.purge, { filter });
  });
  app.get('/console/actions/:id', async (c) => {
    const action = await c.var.container.resolve<CommandStatusReader>(CommandStatusReader).find(c.req.param('id'));
    if (action === null || !action.type.startsWith('operations.')) return c.notFound();
    return c.html(<ActionPage csrf={csrfToken(c)} action={action} />);
  });
  return app;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** The fields of a console form, read (and its CSRF token checked) by the guard. */
    consoleForm: Record<string, string | undefined>;
  }
}

/** Admins only (others: sign-in, or a refusal); a POST must carry the session's CSRF token. */
async function guard(c: Context<HttpEnv>, next: () => Promise<void>): Promise<Response | undefined> {
  const principal: Principal | null = await sessionPrincipal(c);
  if (principal === null) return c.redirect('/console/login', 303);
  if (!mayOperate(principal)) return c.html(<RefusedPage />, 403);
  c.set('principal', principal);
  if (c.req.method === 'POST') {
    const body = await c.req.parseBody();
    const form = Object.fromEntries(
      Object.entries(body).map(([key, value]) => [key, typeof value === 'string' ? value : undefined]),
    );
    if (!sameToken(form.csrf, csrfToken(c))) return c.text('Forbidden: the form is stale or forged', 403);
    c.set('consoleForm', form);
  }
  await next();
  return undefined;
}

/** A form's selection: one failure (`id`) or a group (`fingerprint`). */
function selection(form: Record<string, string | undefined>): { ids: string[] } | { fingerprint: string } | undefined {
  if (form.id !== undefined && isFailureId(form.id)) return { ids: [form.id] };
  if (form.fingerprint !== undefined && /^[0-9a-f]{16}$/.test(form.fingerprint)) return { fingerprint: form.fingerprint };
  return undefined;
}

/** Sends an operator action as the admin API does, then shows its progress. */
async function act(c: Context<HttpEnv>, type: string, payload: unknown) {
  const command: Command = { type, payload, meta: commandMetadata(c, {}) };
  const { commandId } = await c.var.container.resolve<CommandBus>(CommandBus).send(command);
  return c.redirect(`/console/actions/${commandId}`, 303);
}
