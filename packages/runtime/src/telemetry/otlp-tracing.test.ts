import {
  activeTracer,
  formatTraceparent,
  ID_ONLY_TRACER,
  installTracer,
  parseTraceparent,
} from '@contextflow/core-infra';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OtlpCollector, startOtlpCollector } from '../testing/otlp-collector.js';
import { createOtlpTracing, type OtlpTracing } from './otlp-tracing.js';

let collector: OtlpCollector;
let tracing: OtlpTracing;

beforeEach(async () => {
  collector = await startOtlpCollector();
  tracing = createOtlpTracing({
    endpoint: `${collector.url}/v1/traces`,
    serviceName: 'tracing-test',
    exportIntervalMs: 60_000,
  });
});

afterEach(async () => {
  await tracing.shutdown();
  await collector.close();
});

describe('createOtlpTracing', () => {
  it('exports spans over OTLP/HTTP with their kinds, attributes, status and parent links, on shutdown at the latest', async () => {
    const incoming = parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    const server = tracing.tracer.startSpan('POST', {
      kind: 'server',
      parent: incoming,
      attributes: { 'http.request.method': 'POST', ignored: undefined },
    });
    server.rename('POST /users');
    server.setAttributes({ 'http.route': '/users', 'http.response.status_code': 202 });
    server.end();
    const publish = tracing.tracer.startSpan('publish cf.commands', {
      kind: 'producer',
      parent: server.trace,
    });
    publish.end();
    const process = tracing.tracer.startSpan('process users.commands', {
      kind: 'consumer',
      parent: parseTraceparent(formatTraceparent(publish.trace)),
    });
    process.fail('dead-lettered');
    process.end();
    expect(collector.spans()).toEqual([]);

    await tracing.shutdown();

    const spans = collector.spans();
    expect(spans.map((span) => [span.name, span.kind, span.status])).toEqual([
      ['POST /users', 'server', 'unset'],
      ['publish cf.commands', 'producer', 'unset'],
      ['process users.commands', 'consumer', 'error'],
    ]);
    const [http, relay, consumer] = spans;
    expect(http).toMatchObject({
      serviceName: 'tracing-test',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      parentSpanId: '00f067aa0ba902b7',
      spanId: server.trace.spanId,
      attributes: { 'http.request.method': 'POST', 'http.route': '/users', 'http.response.status_code': 202 },
    });
    expect(http?.attributes).not.toHaveProperty('ignored');
    expect(relay).toMatchObject({
      traceId: http?.traceId,
      parentSpanId: http?.spanId,
      spanId: publish.trace.spanId,
    });
    expect(consumer).toMatchObject({ traceId: http?.traceId, parentSpanId: relay?.spanId });
  });

  it('starts a new sampled trace when there is no parent, and gives the logs the exported ids', async () => {
    const root = tracing.tracer.startSpan('GET', { kind: 'server' });
    expect(root.trace).toEqual({
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      spanId: expect.stringMatching(/^[0-9a-f]{16}$/),
      flags: '01',
    });
    root.end();
    await tracing.shutdown();
    expect(collector.spans()).toEqual([
      expect.objectContaining({
        traceId: root.trace.traceId,
        spanId: root.trace.spanId,
        parentSpanId: undefined,
      }),
    ]);
  });

  it('follows the caller’s sampling decision: an unsampled parent exports nothing and propagates flags 00', async () => {
    const span = tracing.tracer.startSpan('GET', {
      kind: 'server',
      parent: parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00'),
    });
    expect(span.trace).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', flags: '00' });
    span.end();
    await tracing.shutdown();
    expect(collector.spans()).toEqual([]);
  });
});

describe('installTracer', () => {
  it('makes a tracer the process’s until uninstalled, then puts the previous one back', () => {
    expect(activeTracer()).toBe(ID_ONLY_TRACER);
    const uninstall = installTracer(tracing.tracer);
    expect(activeTracer()).toBe(tracing.tracer);
    uninstall();
    expect(activeTracer()).toBe(ID_ONLY_TRACER);
  });
});
