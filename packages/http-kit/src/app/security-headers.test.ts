import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { HttpEnv } from '@contextflow/core-infra';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTestHarness } from '../testing/http-test-harness.js';

/** A docs page that serves a script, as Swagger UI's does (`@contextflow/http-docs`). */
const docs = () =>
  new Hono()
    .get('/docs', (c) => c.html('<script src="docs/app.js"></script>'))
    .get('/docs/app.js', (c) => c.body('void 0;', 200, { 'Content-Type': 'text/javascript' }));

/** Routes that try to lose the headers or add one they must not: mounted as the console's would be. */
const unruly = () =>
  new Hono<HttpEnv>()
    .get('/bare', () => new Response('bare', { headers: { 'X-Powered-By': 'hand-made' } }))
    .get('/powered', (c) => {
      c.header('X-Powered-By', 'a framework');
      return c.text('powered');
    })
    .get('/cached', (c) => c.body('cached', 200, { 'Cache-Control': 'public, max-age=300' }));

function expectSecurityHeaders(
  res: Response,
  csp: RegExp = /^default-src 'none'; frame-ancestors 'none'/,
  cacheControl = 'no-store',
) {
  expect(
    Number(/max-age=(\d+)/.exec(res.headers.get('strict-transport-security') ?? '')?.[1]),
  ).toBeGreaterThanOrEqual(31_536_000);
  expect(res.headers.get('content-security-policy')).toMatch(csp);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('cache-control')).toBe(cacheControl);
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(res.headers.has('x-powered-by')).toBe(false);
}

const { app } = createHttpTestHarness({
  readiness: [{ name: 'database', check: () => Promise.reject(new Error('postgres://u:p@db down')) }],
  docs,
  console: unruly,
});

/**
 * The same checks through `app.request` (Hono's prepared headers, checked again after the route) and over a
 * real Node server (the headers go straight onto Node's response).
 */
describe.each([
  ['app.request', { request: (path: string, init?: RequestInit) => app.request(path, init) }],
  ['a Node server', { request: (path: string, init?: RequestInit) => fetch(`${baseUrl}${path}`, init) }],
])('security headers through %s', (_, { request }) => {
  it('are set on a 2xx answer, with the request ids', async () => {
    const res = await request('/health/live', { headers: { 'X-Request-Id': 'req-1' } });
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
    expect(res.headers.get('x-request-id')).toBe('req-1');
    expect(res.headers.get('x-correlation-id')).toBe('req-1');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('are set on a 404, a 405 and a 503', async () => {
    for (const [path, method, status] of [
      ['/nowhere', 'GET', 404],
      ['/health/live', 'POST', 405],
      ['/health/ready', 'GET', 503],
    ] as const) {
      const res = await request(path, { method });
      expect(res.status).toBe(status);
      expectSecurityHeaders(res);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('are set on a 401 thrown by a route guard', async () => {
    const res = await request('/commands/00000000-0000-7000-8000-000000000001');
    expect(res.status).toBe(401);
    expectSecurityHeaders(res);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('relax the content security policy for /docs only as far as Swagger UI needs', async () => {
    const res = await request('/docs');
    expect(res.status).toBe(200);
    expectSecurityHeaders(res, /script-src 'self';/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it("are set on the docs page's assets", async () => {
    const res = await request('/docs/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expectSecurityHeaders(res, /script-src 'self';/);
  });

  it('are set on a bare Response a route returns, and X-Powered-By never leaves, whoever sets it', async () => {
    for (const path of ['/bare', '/powered']) {
      const res = await request(path);
      expect(res.status).toBe(200);
      expectSecurityHeaders(res);
      expect(await res.text()).toBe(path.slice(1));
    }
  });

  it("let a route's own Cache-Control through", async () => {
    const res = await request('/cached');
    expect(res.status).toBe(200);
    expectSecurityHeaders(res, undefined, 'public, max-age=300');
  });
});

let server: ServerType;
let baseUrl = '';
beforeAll(async () => {
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
