import { describe, expect, expectTypeOf, it } from 'vitest';
import { inMemoryApi } from '../test/in-memory-api.js';
import type { Problem, UserView } from './api-paths.js';
import { createClient } from './create-client.js';
import { expectStatus, StatusMismatchError } from './expect-status.js';
import { UnexpectedResponseError } from './unexpected-response-error.js';

function clientOf(app: ReturnType<typeof inMemoryApi>['app'], token?: string) {
  return createClient({
    baseUrl: 'http://api.test',
    fetch: (input, init) => app.request(input, init),
    ...(token === undefined ? {} : { token }),
  });
}

const ada = { email: 'ada@example.com', password: 'correct horse battery staple', name: 'Ada Lovelace' };

describe('createClient against the composed app', () => {
  it('registers, signs in and reads the signed-in user', async () => {
    const { app } = inMemoryApi();
    const anonymous = clientOf(app);

    const registered = await anonymous.post('/auth/register', {
      body: ada,
      headers: { 'idempotency-key': 'k1' },
    });
    expect(registered.status).toBe(202);
    if (registered.status !== 202) return;
    expect(registered.headers.get('location')).toBe(`/commands/${registered.body.commandId}`);

    const login = await anonymous.post('/auth/login', { body: { email: ada.email, password: ada.password } });
    expect(login.status).toBe(200);
    if (login.status !== 200) return;
    expect(login.body.tokenType).toBe('Bearer');

    const me = await clientOf(app, login.body.accessToken).get('/users/me');
    expect(me).toMatchObject({ status: 200, ok: true, body: { id: registered.body.userId, name: ada.name } });
  });

  it('types the body by the status it checks', async () => {
    const { app } = inMemoryApi();
    const reply = await clientOf(app).get('/users/me');
    expectTypeOf<Extract<typeof reply, { status: 200 }>['body']>().toEqualTypeOf<UserView>();
    expectTypeOf<Extract<typeof reply, { status: 401 }>['body']>().toEqualTypeOf<Problem>();
    expect(expectStatus(reply, 401).body.code).toBe('auth.unauthenticated');
  });

  it('throws StatusMismatchError naming the problem code when the status is not the expected one', async () => {
    const { app } = inMemoryApi();
    const reply = await clientOf(app).get('/users/me');
    expect(() => expectStatus(reply, 200)).toThrow(new StatusMismatchError([200], 401, reply.body).message);
    expect(() => expectStatus(reply, 200)).toThrow('expected status 200, got 401 (auth.unauthenticated)');
  });

  it('fills path parameters and the query string', async () => {
    const { app } = inMemoryApi();
    const calls: string[] = [];
    const client = createClient({
      baseUrl: 'http://api.test/',
      fetch: (input, init) => {
        calls.push(input);
        return app.request(input, init);
      },
    });
    await client.get('/users/{id}', { params: { id: 'a b/c' } });
    await client.get('/users', { query: { limit: 5, status: 'active', q: undefined } });
    expect(calls).toEqual(['http://api.test/users/a%20b%2Fc', 'http://api.test/users?limit=5&status=active']);
  });

  it('answers a refused login as the documented 401 problem', async () => {
    const { app } = inMemoryApi();
    const reply = await clientOf(app).post('/auth/login', { body: { email: ada.email, password: 'wrong' } });
    expect(reply).toMatchObject({ status: 401, ok: false, body: { code: 'auth.invalid_credentials' } });
  });

  it('throws UnexpectedResponseError for a status the operation does not document', async () => {
    const client = createClient({
      baseUrl: 'http://api.test',
      fetch: () =>
        new Response('<h1>Bad Gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }),
    });
    const error = await client.get('/health/live').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status: 502, body: '<h1>Bad Gateway</h1>', path: '/health/live' });
  });

  it('asks for the token before every call', async () => {
    const seen: (string | null)[] = [];
    let current = 'one';
    const client = createClient({
      baseUrl: 'http://api.test',
      token: () => current,
      fetch: (_input, init) => {
        seen.push(new Headers(init.headers).get('authorization'));
        return Response.json({ status: 'ok' });
      },
    });
    await client.get('/health/live');
    current = 'two';
    await client.get('/health/live');
    expect(seen).toEqual(['Bearer one', 'Bearer two']);
  });
});
