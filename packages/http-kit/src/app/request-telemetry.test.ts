// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { Writable } from 'node:stream';
import { type AcceptedCommand, type Command, CommandBus, QueryBus } from '@contextflow/core';
import {
  type ContextModule,
  createLogger,
  currentTraceparent,
  type HttpEnv,
  Metrics,
} from '@contextflow/core-infra';
import { OpenAPIHono } from '@hono/zod-openapi';
import { container as rootContainer } from 'tsyringe';
import { describe, expect, it } from 'vitest';
import { Authenticator } from '../auth/authenticator.js';
import { StaticTokenAuthenticator } from '../auth/static-token-authenticator.js';
import { exampleModule } from '../testing/example-module.js';
import { StubQueryBus } from '../testing/stub-query-bus.js';
import { createHttpApp } from './create-http-app.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CANARY = { password: 'canary-pw-7f3a', token: 'canary-bearer-91c2', refresh: 'canary-refresh-4d8e' };
const THING = '018f0000-0000-7000-8000-000000000001';

/** Keeps the traceparent the bus saw, as the real bus stores it with the command. */
class TraceRecordingBus {
  readonly traceparents: (string | undefined)[] = [];
  async send(command: Command): Promise<AcceptedCommand> {
    this.traceparents.push(currentTraceparent());
    return { commandId: command.meta.commandId, replayed: false };
  }
  async execute<R>(): Promise<R> {
    throw new Error('not used');
  }
}

/** Routes that log what careless code would: the body, and an error carrying the request's secrets. */
const carelessModule: ContextModule = {
  ...exampleModule,
  name: 'careless',
  routes: () => {
    const app = new OpenAPIHono<HttpEnv>();
    app.post('/careless/login', async (c) => {
      const body = await c.req.json();
      logger.info({ body, headers: { authorization: c.req.header('authorization') } }, 'login attempt');
      return c.json({ accessToken: CANARY.token, refreshToken: CANARY.refresh }, 200);
    });
    app.post('/careless/crash', async (c) => {
      const body = await c.req.json<{ password: string }>();
      throw Object.assign(new Error('upstream refused'), {
        password: body.password,
        headers: { authorization: c.req.header('authorization') },
        request: { refreshToken: CANARY.refresh },
      });
    });
    return app;
  },
};

const lines: string[] = [];
const logger = createLogger({
  level: 'debug',
  destination: new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  }),
});

function build() {
  const container = rootContainer.createChildContainer();
  const bus = new TraceRecordingBus();
  container.registerInstance(CommandBus, bus);
  container.registerInstance(QueryBus, new StubQueryBus({}));
  container.registerInstance(
    Authenticator,
    new StaticTokenAuthenticator({ [CANARY.token]: { userId: 'u1', roles: ['user'] } }),
  );
  const metrics = new Metrics({ processMetrics: false });
  const app = createHttpApp({ container, modules: [exampleModule, carelessModule], logger, metrics });
  return { app, bus, metrics };
}

describe('request telemetry', () => {
  it('continues the client traceparent: every log line of the request and the command it sends carry the trace id', async () => {
    const { app, bus } = build();
    lines.length = 0;
    const res = await app.request(`/things/${THING}/rename`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${CANARY.token}`,
        'content-type': 'application/json',
        traceparent: `00-${TRACE}-00f067aa0ba902b7-01`,
        'x-request-id': 'req-42',
      },
      body: JSON.stringify({ name: 'Lamp' }),
    });
    expect(res.status).toBe(202);
    expect(bus.traceparents[0]).toMatch(new RegExp(`^00-${TRACE}-[0-9a-f]{16}-01$`));
    const access = lines.map((line) => JSON.parse(line)).find((line) => line.msg === 'request');
    expect(access).toMatchObject({ traceId: TRACE, requestId: 'req-42', correlationId: 'req-42' });
  });

  it('starts a new trace per request without a (valid) traceparent', async () => {
    const { app, bus } = build();
    const send = (traceparent?: string) =>
      app.request(`/things/${THING}/rename`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${CANARY.token}`,
          'content-type': 'application/json',
          ...(traceparent === undefined ? {} : { traceparent }),
        },
        body: JSON.stringify({ name: 'Lamp' }),
      });
    await send();
    await send('00-not-a-trace');
    const [first, second] = bus.traceparents.map((value) => value?.split('-')[1]);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).toMatch(/^[0-9a-f]{32}$/);
    expect(first).not.toBe(second);
  });

  it('measures requests by route pattern (never the raw path) and status, and never serves /metrics on the API', async () => {
    const { app, metrics } = build();
    await app.request(`/things/${THING}/rename`, { method: 'POST' });
    const text = await metrics.render();
    expect(text).toContain(
      'contextflow_http_request_duration_seconds_count{method="POST",route="/things/:id/rename",status="401"} 1',
    );
    expect(text).not.toContain(THING);
    const onTheApi = await app.request('/metrics');
    expect(onTheApi.status).toBe(404);
    expect(onTheApi.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const document = (await (await app.request('/openapi.json')).json()) as { paths: object };
    expect(Object.keys(document.paths)).not.toContain('/metrics');
  });

  it('never writes a password, bearer token, refresh token or Authorization header to the log', async () => {
    const { app } = build();
    lines.length = 0;
    const headers = { authorization: `Bearer ${CANARY.token}`, 'content-type': 'application/json' };
    const body = JSON.stringify({
      email: 'a@example.com',
      password: CANARY.password,
      refreshToken: CANARY.refresh,
    });
    expect((await app.request('/careless/login', { method: 'POST', headers, body })).status).toBe(200);
    expect((await app.request('/careless/crash', { method: 'POST', headers, body })).status).toBe(500);
    expect(
      (await app.request(`/things/${THING}/rename`, { method: 'POST', headers, body: '{bad' })).status,
    ).toBe(400);
    const logged = lines.join('\n');
    expect(logged).toContain('login attempt');
    expect(logged).toContain('request failed');
    expect(logged).toContain('[redacted]');
    for (const secret of Object.values(CANARY)) expect(logged).not.toContain(secret);
  });
});
