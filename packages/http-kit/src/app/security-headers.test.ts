import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createHttpTestHarness } from '../testing/http-test-harness.js';

/** A docs page that serves a script, as Swagger UI's does (`@contextflow/http-docs`). */
const docs = () =>
  new Hono()
    .get('/docs', (c) => c.html('<script src="docs/app.js"></script>'))
    .get('/docs/app.js', (c) => c.body('void 0;', 200, { 'Content-Type': 'text/javascript' }));

function expectSecurityHeaders(res: Response, csp: RegExp = /^default-src 'none'; frame-ancestors 'none'/) {
  expect(
    Number(/max-age=(\d+)/.exec(res.headers.get('strict-transport-security') ?? '')?.[1]),
  ).toBeGreaterThanOrEqual(31_536_000);
  expect(res.headers.get('content-security-policy')).toMatch(csp);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.has('x-powered-by')).toBe(false);
}

describe('security headers', () => {
  const { app } = createHttpTestHarness({
    readiness: [{ name: 'database', check: () => Promise.reject(new Error('postgres://u:p@db down')) }],
    docs,
  });

  it('are set on a 2xx answer', async () => {
    const res = await app.request('/health/live');
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
  });

  it('are set on a 404, a 405 and a 503', async () => {
    for (const [path, method, status] of [
      ['/nowhere', 'GET', 404],
      ['/health/live', 'POST', 405],
      ['/health/ready', 'GET', 503],
    ] as const) {
      const res = await app.request(path, { method });
      expect(res.status).toBe(status);
      expectSecurityHeaders(res);
    }
  });

  it('are set on a 401 thrown by a route guard', async () => {
    const res = await app.request('/commands/00000000-0000-7000-8000-000000000001');
    expect(res.status).toBe(401);
    expectSecurityHeaders(res);
  });

  it('relax the content security policy for /docs only as far as Swagger UI needs', async () => {
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    expectSecurityHeaders(res, /script-src 'self';/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it("are set on the docs page's assets", async () => {
    const res = await app.request('/docs/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expectSecurityHeaders(res, /script-src 'self';/);
  });
});
