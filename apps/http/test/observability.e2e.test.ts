import { type CollectedSpan, type OtlpCollector, startOtlpCollector } from '@contextflow/runtime/testing';
import { type PrivateRabbitMq, startPrivateRabbitMq } from '@contextflow/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, login } from './support/accounts.js';
import { client } from './support/http-client.js';
import { operationsUrl, startSystem, type System, systemConfig } from './support/system.js';

const TRACE_ID = '5c0ffee0ddba11ad5eed0123456789ab';
const TRACEPARENT = `00-${TRACE_ID}-a1b2c3d4e5f60718-01`;
const USER = { email: 'tracy@example.com', password: 'observable horse battery staple', name: 'Tracy' };
const REACTION = 'users.register-user-on-account-registered';
const config = systemConfig();
let broker: PrivateRabbitMq | undefined;
let collector: OtlpCollector;
let system: System;
let call: ReturnType<typeof client>;
let commandId: string;

type Line = Record<string, unknown>;
const parsed = (lines: readonly string[]): Line[] =>
  lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Line];
    } catch {
      return [];
    }
  });
const traced = (lines: readonly string[]) => parsed(lines).filter((line) => line.traceId === TRACE_ID);

/** Where the worker's metrics and health are: its operations port (services), dev.js's (embedded). */
const workerOperations = (): string => operationsUrl(system.worker ?? system.http);

const text = async (url: string) => (await fetch(url)).text();

beforeAll(async () => {
  // A private broker this file may stop (services): the shared one is never touched.
  if (config === 'services') broker = await startPrivateRabbitMq();
  collector = await startOtlpCollector();
  system = await startSystem({
    env: { LOG_LEVEL: 'debug', OTEL_EXPORTER_OTLP_ENDPOINT: collector.url },
    ...(broker === undefined ? {} : { amqpUrl: broker.url }),
  });
  call = client(system.baseUrl);
  const registered = await call<{ id: string; status: string }>('POST', '/auth/register', {
    body: USER,
    headers: { prefer: 'wait=10', traceparent: TRACEPARENT },
  });
  expect(registered.body.status).toBe('succeeded');
  commandId = registered.body.id;
}, 180_000);

afterAll(async () => {
  await system?.close();
  await broker?.destroy();
  await collector?.close();
});

describe('one trace across processes', () => {
  it('carries the request’s trace id through the outbox and the broker to the worker and the other context’s reaction', async () => {
    await eventually(async () =>
      traced(system.allLines()).some((line) => line.msg === 'event handled' && line.subscription === REACTION)
        ? true
        : undefined,
    );
    const http = traced(system.http.lines);
    const worker = traced(system.worker?.lines ?? system.http.lines);
    expect(http).toContainEqual(
      expect.objectContaining({
        msg: 'request',
        route: '/auth/register',
        status: 200,
        requestId: expect.any(String),
      }),
    );
    const relayed = worker.find(
      (line) => line.msg === 'outbox message published' && line.messageId === commandId,
    );
    const handled = worker.find((line) => line.msg === 'command succeeded' && line.commandId === commandId);
    const event = worker.find((line) => line.msg === 'outbox message published' && line.kind === 'event');
    const reaction = worker.find((line) => line.msg === 'event handled' && line.subscription === REACTION);
    expect({ relayed, handled, event, reaction }).toEqual({
      relayed: expect.objectContaining({ routingKey: 'auth.register-account' }),
      handled: expect.objectContaining({
        commandType: 'auth.register-account',
        causationId: expect.any(String),
      }),
      event: expect.objectContaining({ routingKey: expect.stringMatching(/^auth\.account-registered/) }),
      reaction: expect.objectContaining({ eventType: 'auth.account-registered' }),
    });
    // The sample of the closing note: one request, as the operator reads it.
    console.info(
      [http.find((line) => line.msg === 'request'), relayed, handled, event, reaction]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
  });

  it('keeps passwords, access tokens and refresh tokens out of every log line', async () => {
    const tokens = await login(call, USER.email, USER.password);
    expect((await call('GET', '/users/me', { token: tokens.accessToken })).status).toBe(200);
    const refreshed = await call<{ refreshToken: string }>('POST', '/auth/refresh', {
      body: { refreshToken: tokens.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    const logged = system.allLines().join('\n');
    for (const secret of [
      USER.password,
      tokens.accessToken,
      tokens.refreshToken,
      refreshed.body.refreshToken,
    ])
      expect(logged).not.toContain(secret);
  });
});

describe('OpenTelemetry (OTEL_EXPORTER_OTLP_ENDPOINT set)', () => {
  const of = (spans: readonly CollectedSpan[], kind: CollectedSpan['kind'], messageId: unknown) =>
    spans.find((span) => span.kind === kind && span.attributes['messaging.message.id'] === messageId);

  it('exports one trace: the request’s server span, the relay’s publish as its child, the handling as the publish’s child, then the reaction', async () => {
    const spans = await eventually(async () => {
      const trace = collector.spans().filter((span) => span.traceId === TRACE_ID);
      // Each process exports on its own schedule: wait for the first span (the request's) and the last.
      const first = trace.some((span) => span.kind === 'server' && span.name === 'POST /auth/register');
      const last = trace.some(
        (span) => span.kind === 'consumer' && span.attributes['contextflow.subscription'] === REACTION,
      );
      return first && last ? trace : undefined;
    });
    const [httpService, workerService] =
      config === 'services'
        ? ['contextflow-http', 'contextflow-worker']
        : ['contextflow-dev', 'contextflow-dev'];
    const server = spans.find((span) => span.kind === 'server' && span.name === 'POST /auth/register');
    expect(server).toMatchObject({
      serviceName: httpService,
      parentSpanId: TRACEPARENT.split('-')[2],
      attributes: {
        'http.request.method': 'POST',
        'http.route': '/auth/register',
        'http.response.status_code': 200,
      },
      status: 'unset',
    });
    const publish = of(spans, 'producer', commandId);
    const processing = of(spans, 'consumer', commandId);
    expect(publish).toMatchObject({
      serviceName: workerService,
      name: expect.stringMatching(/^publish /),
      parentSpanId: server?.spanId,
      attributes: {
        'messaging.system': 'rabbitmq',
        'messaging.operation.type': 'send',
        'messaging.rabbitmq.destination.routing_key': 'auth.register-account',
      },
    });
    expect(processing).toMatchObject({
      serviceName: workerService,
      name: expect.stringMatching(/^process /),
      parentSpanId: publish?.spanId,
      attributes: {
        'messaging.operation.type': 'process',
        'contextflow.command.type': 'auth.register-account',
        'contextflow.settlement': 'ack',
      },
    });
    // The event the handler recorded is published as a child of the handling, and its reaction of that publish.
    const eventPublish = spans.find(
      (span) => span.kind === 'producer' && span.parentSpanId === processing?.spanId,
    );
    const reaction = spans.find(
      (span) => span.kind === 'consumer' && span.attributes['contextflow.subscription'] === REACTION,
    );
    expect(eventPublish).toBeDefined();
    expect(reaction?.parentSpanId).toBe(eventPublish?.spanId);
    // The log lines carry the exported span ids: a span found in a trace backend leads to its logs.
    const handledLine = traced(system.worker?.lines ?? system.http.lines).find(
      (line) => line.msg === 'command succeeded' && line.commandId === commandId,
    );
    const requestLine = traced(system.http.lines).find((line) => line.msg === 'request');
    expect({ handled: handledLine?.spanId, request: requestLine?.spanId }).toEqual({
      handled: processing?.spanId,
      request: server?.spanId,
    });
  });
});

describe('metrics', () => {
  it('measures HTTP requests by route, counts the command by type and outcome, and shows the outbox drained', async () => {
    const api = await text(`${operationsUrl(system.http)}/metrics`);
    expect(api).toContain(
      'contextflow_http_request_duration_seconds_count{method="POST",route="/auth/register",status="200"} 1',
    );
    expect(api).not.toContain(USER.email);
    const worker = workerOperations();
    await eventually(async () =>
      (await text(`${worker}/metrics`)).includes('contextflow_outbox_pending_messages 0') ? true : undefined,
    );
    const scraped = await text(`${worker}/metrics`);
    expect(scraped).toContain(
      'contextflow_command_duration_seconds_count{type="auth.register-account",outcome="succeeded"} 1',
    );
    expect(scraped).toContain('contextflow_outbox_oldest_pending_age_seconds 0');
    expect(scraped).toMatch(/contextflow_dead_letter_messages\{queue="[^"]*auth[^"]*"\} 0/);
    expect(scraped).toMatch(/contextflow_messages_handled_total\{queue="[^"]*",settlement="ack"\} [1-9]/);
  });
});

describe('operations ports', () => {
  it('answers /metrics on the API port with 404 problem+json: sign-in counts are not public', async () => {
    const onTheApi = await fetch(`${system.baseUrl}/metrics`);
    expect(onTheApi.status).toBe(404);
    expect(onTheApi.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await onTheApi.text()).not.toContain('contextflow_');
    const ops = await fetch(`${operationsUrl(system.http)}/metrics`);
    expect(ops.status).toBe(200);
    expect(ops.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await ops.text()).toContain('contextflow_http_request_duration_seconds_count');
  });

  it('binds every operations server to 127.0.0.1 by default, and keeps /health on the API port too', async () => {
    for (const process of [system.http, ...(system.worker === null ? [] : [system.worker])])
      expect(operationsUrl(process)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${operationsUrl(system.http)}/health/ready`)).status).toBe(200);
    expect((await fetch(`${system.baseUrl}/health/live`)).status).toBe(200);
  });
});

describe.runIf(config === 'services')('readiness (services)', () => {
  it('turns the worker unready while its broker is down and ready again after, the HTTP app staying ready', async () => {
    const worker = workerOperations();
    expect((await fetch(`${worker}/health/ready`)).status).toBe(200);
    expect((await fetch(`${system.baseUrl}/health/ready`)).status).toBe(200);
    await broker?.stopApp();
    const down = await eventually(async () => {
      const reply = await fetch(`${worker}/health/ready`);
      return reply.status === 503 ? reply.text() : undefined;
    }, 30_000);
    expect(down).toContain('Not ready: broker.');
    expect(down).not.toMatch(/amqp:|\d+\.\d+\.\d+/);
    expect((await fetch(`${system.baseUrl}/health/ready`)).status).toBe(200);
    await broker?.startApp();
    await eventually(
      async () => ((await fetch(`${worker}/health/ready`)).status === 200 ? true : undefined),
      60_000,
    );
  }, 120_000);
});
