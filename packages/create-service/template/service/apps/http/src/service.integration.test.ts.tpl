import { createLogger } from '@contextflow/core-infra';
import { createRuntime, postgresDatabase, rabbitMqTransport, type Runtime } from '@contextflow/runtime';
import {
  createTestDatabase,
  removeTopology,
  type TestDatabase,
  testAmqpUrl,
  uniquePrefix,
} from '@contextflow/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './build-app.js';
import { modules } from './modules.js';

let database: TestDatabase;
let runtime: Runtime;
let app: ReturnType<typeof buildApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  // The composed service on PostgreSQL and RabbitMQ, under broker names of this test's own.
  runtime = await createRuntime({
    database: postgresDatabase({ url: database.url }),
    transport: rabbitMqTransport({ url: testAmqpUrl() }),
    namespace: uniquePrefix('__name__'),
    modules,
    logger: createLogger({ level: 'silent' }),
    migrate: true,
  });
  await runtime.startWorker();
  await runtime.startRelay();
  app = buildApp(runtime.container, modules, createLogger({ level: 'silent' }), {
    corsOrigins: [],
    bodyLimitBytes: 1_048_576,
  });
});

afterAll(async () => {
  await runtime?.stop();
  if (runtime !== undefined) await removeTopology(runtime.topology);
  await database?.drop();
});

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const json = (token?: string) => ({
  'content-type': 'application/json',
  ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
});

describe('the __name__ service on PostgreSQL and RabbitMQ', () => {
  it('registers and signs in an account, and creates and reads a __agg__ of its own context', async () => {
    const email = `it-${Date.now()}@example.com`;
    const password = 'correct horse battery staple';
    const registered = await app.request('/auth/register', {
      method: 'POST',
      headers: { ...json(), prefer: 'wait=20' },
      body: JSON.stringify({ email, password, name: 'First User' }),
    });
    expect(registered.status).toBe(200);
    expect(await registered.json()).toMatchObject({ status: 'succeeded' });

    const login = await app.request('/auth/login', {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };

    // users:begin
    // The profile follows from the account-registered event: eventually consistent.
    const me = await eventually(async () => {
      const reply = await app.request('/users/me', { headers: json(accessToken) });
      return reply.status === 200 ? ((await reply.json()) as { email: string }) : undefined;
    });
    expect(me.email).toBe(email);
    // users:end

    const created = await app.request('/__ctx__', {
      method: 'POST',
      headers: json(accessToken),
      body: JSON.stringify({ title: 'First' }),
    });
    expect(created.status).toBe(202);
    const { __agg__Id } = (await created.json()) as { __agg__Id: string };
    const view = await eventually(async () => {
      const reply = await app.request(`/__ctx__/${__agg__Id}`, { headers: json(accessToken) });
      return reply.status === 200 ? await reply.json() : undefined;
    });
    expect(view).toMatchObject({ id: __agg__Id, title: 'First' });
  });

  it('answers bad input with 422 problem details', async () => {
    const reply = await app.request('/auth/register', {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ email: 'not an address' }),
    });
    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
  });
});
