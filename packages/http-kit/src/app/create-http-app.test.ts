import { AppError, type Principal } from '@contextflow/core';
import { describe, expect, it } from 'vitest';
import { exampleModule } from '../testing/example-module.js';
import { createHttpTestHarness } from '../testing/http-test-harness.js';

const alice: Principal = { userId: 'alice', roles: ['user'] };
const THING = '00000000-0000-7000-8000-0000000000aa';
const auth = { Authorization: 'Bearer alice-token' };
const json = { ...auth, 'Content-Type': 'application/json' };

function harness(options: Parameters<typeof createHttpTestHarness>[0] = {}) {
  return createHttpTestHarness({
    modules: [exampleModule],
    tokens: { 'alice-token': alice },
    queries: {
      'things.get-thing': (query) => {
        const { id } = query.params as { id: string };
        if (id === THING) return { id, name: 'Thing' };
        if (id.endsWith('404')) throw AppError.notFound('things.not_found', 'No such thing.');
        throw new Error('SECRET_SQL: select * from things where id = $1');
      },
    },
    ...options,
  });
}

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as Record<string, unknown>;
}

describe('createHttpApp error answers', () => {
  const { app, logs } = harness({ bodyLimitBytes: 64 });

  it('answers 400 problem+json for malformed JSON', async () => {
    const res = await app.request(`/things/${THING}/rename`, {
      method: 'POST',
      headers: json,
      body: '{"name":',
    });
    expect(res.status).toBe(400);
    expect(await problemOf(res)).toMatchObject({
      status: 400,
      code: 'http.malformed_json',
      instance: `/things/${THING}/rename`,
    });
  });

  it('answers 404 problem+json for an unknown route', async () => {
    const res = await app.request('/nowhere');
    expect(res.status).toBe(404);
    expect(await problemOf(res)).toMatchObject({ status: 404, code: 'http.not_found', instance: '/nowhere' });
  });

  it('answers 405 with Allow for a known path and the wrong method', async () => {
    const res = await app.request(`/things/${THING}`, { method: 'DELETE', headers: auth });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(await problemOf(res)).toMatchObject({ status: 405, code: 'http.method_not_allowed' });
  });

  it('answers 413 when the body is over the limit', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(100) });
    const res = await app.request(`/things/${THING}/rename`, { method: 'POST', headers: json, body });
    expect(res.status).toBe(413);
    expect(await problemOf(res)).toMatchObject({ status: 413, code: 'http.body_too_large' });
  });

  it('answers 415 for a body that is not JSON', async () => {
    const headers = { ...auth, 'Content-Type': 'text/plain' };
    const res = await app.request(`/things/${THING}/rename`, { method: 'POST', headers, body: 'name=x' });
    expect(res.status).toBe(415);
    expect(await problemOf(res)).toMatchObject({ status: 415, code: 'http.unsupported_media_type' });
  });

  it('answers 422 with a JSON Pointer per invalid field', async () => {
    const res = await app.request(`/things/${THING}/rename`, {
      method: 'POST',
      headers: json,
      body: '{"name":""}',
    });
    expect(res.status).toBe(422);
    const body = await problemOf(res);
    expect(body).toMatchObject({ status: 422, code: 'http.validation_failed' });
    expect(body.errors).toEqual([{ pointer: '/name', message: expect.any(String) }]);
  });

  it.each([
    ['a NUL character', String.raw`{"name":"a\u0000b"}`],
    ['a lone high surrogate', String.raw`{"name":"a\ud800b"}`],
    ['a lone low surrogate', String.raw`{"name":"\udc00"}`],
  ])('answers 422 with a pointer for %s, which PostgreSQL cannot store', async (_label, body) => {
    const h = harness();
    const res = await h.app.request(`/things/${THING}/rename`, { method: 'POST', headers: json, body });
    expect(res.status).toBe(422);
    expect(await problemOf(res)).toMatchObject({
      code: 'http.unstorable_text',
      detail: 'The request body holds text that cannot be stored.',
      errors: [{ pointer: '/name', message: expect.stringMatching(/NUL.*surrogate/) }],
    });
    expect(h.commandBus.sent).toEqual([]);
  });

  it('answers 422 for a path parameter holding a NUL character', async () => {
    const res = await app.request('/things/%00', { headers: auth });
    expect(res.status).toBe(422);
    expect(await problemOf(res)).toMatchObject({ errors: [{ pointer: '/id' }] });
  });

  it('answers 401 with WWW-Authenticate when the route needs a caller', async () => {
    const res = await app.request(`/things/${THING}`, { headers: { Authorization: 'Bearer wrong' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(await problemOf(res)).toMatchObject({ status: 401, code: 'auth.unauthenticated' });
  });

  it('maps an AppError through the kind table', async () => {
    const res = await app.request('/things/00000000-0000-7000-8000-000000000404', { headers: auth });
    expect(res.status).toBe(404);
    expect(await problemOf(res)).toMatchObject({ code: 'things.not_found', detail: 'No such thing.' });
  });

  it('answers a generic 500 and keeps the internals in the log', async () => {
    const res = await app.request('/things/00000000-0000-7000-8000-000000000bad', { headers: auth });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('SECRET_SQL');
    expect(JSON.parse(text)).toMatchObject({ status: 500, code: 'internal.unexpected' });
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const failure = logs.find((line) => line.msg === 'request failed');
    expect(JSON.stringify(failure)).toContain('SECRET_SQL');
    expect((failure?.err as { stack?: string } | undefined)?.stack).toContain('Error: SECRET_SQL');
  });

  it('carries the request id on every problem', async () => {
    const res = await app.request('/nowhere', { headers: { 'X-Request-Id': 'client-req-1' } });
    expect(res.headers.get('x-request-id')).toBe('client-req-1');
  });
});

describe('createHttpApp request context', () => {
  it('echoes a sane client request id and generates one otherwise', async () => {
    const { app } = harness();
    const given = await app.request('/health/live', { headers: { 'X-Request-Id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const forged = await app.request('/health/live', { headers: { 'X-Request-Id': 'bad id\twith spaces' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const none = await app.request('/health/live');
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes one access-log line per request without headers or bodies', async () => {
    const { app, logs } = harness();
    await app.request(`/things/${THING}`, { headers: { ...auth, 'X-Request-Id': 'log-1' } });
    const lines = logs.filter((line) => line.msg === 'request');
    expect(lines).toEqual([
      expect.objectContaining({ method: 'GET', route: '/things/:id', status: 200, requestId: 'log-1' }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('alice-token');
  });

  it('answers the query route through the QueryBus for an authenticated caller', async () => {
    const { app } = harness();
    const res = await app.request(`/things/${THING}`, { headers: auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: THING, name: 'Thing' });
  });
});

describe('createHttpApp bodiless writes', () => {
  it('answers 405, not 415, for a bodiless PUT to a read-only path', async () => {
    const { app } = harness();
    const res = await app.request('/health/live', { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('answers 415 for a body without any content type', async () => {
    const { app } = harness();
    const res = await app.request(`/things/${THING}/rename`, {
      method: 'POST',
      headers: auth,
      body: new TextEncoder().encode('{"name":"x"}'),
    });
    expect(res.status).toBe(415);
  });
});
