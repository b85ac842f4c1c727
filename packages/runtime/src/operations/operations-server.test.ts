import { Metrics } from '@contextflow/core-infra';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type OperationsServer, serveOperations } from './operations-server.js';
import { ShutdownReadiness } from './readiness-checks.js';

const logger = pino({ level: 'silent' });
let server: OperationsServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('serveOperations', () => {
  it('serves liveness, readiness and the metrics on a port of its own', async () => {
    const metrics = new Metrics({ processMetrics: false });
    metrics.retries.inc({ queue: 'users.commands' });
    server = await serveOperations({ port: 0, metrics, readiness: [], logger });
    const base = `http://127.0.0.1:${server.port}`;
    expect(await (await fetch(`${base}/health/live`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    const scrape = await fetch(`${base}/metrics`);
    expect(scrape.headers.get('content-type')).toContain('text/plain');
    expect(await scrape.text()).toContain('contextflow_message_retries_total{queue="users.commands"} 1');
  });

  it('listens on 127.0.0.1 only unless told another address', async () => {
    const metrics = new Metrics({ processMetrics: false });
    server = await serveOperations({ port: 0, metrics, readiness: [], logger });
    expect(server.address).toBe('127.0.0.1');
    await server.close();
    server = await serveOperations({ port: 0, hostname: '0.0.0.0', metrics, readiness: [], logger });
    expect(server.address).toBe('0.0.0.0');
  });

  it('answers 503 problem+json naming the failed checks, never their reasons, and turns unready at shutdown', async () => {
    const shutdown = new ShutdownReadiness();
    const broker = {
      name: 'broker',
      check: () => Promise.reject(new Error('amqp://admin:s3cret@mq:5672 refused')),
    };
    const metrics = new Metrics({ processMetrics: false });
    server = await serveOperations({ port: 0, metrics, readiness: [shutdown], logger });
    const base = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    shutdown.begin();
    const down = await fetch(`${base}/health/ready`);
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toBe('application/problem+json');
    expect(await down.json()).toMatchObject({ status: 503, detail: 'Not ready: shutdown.' });
    await server.close();

    server = await serveOperations({ port: 0, metrics, readiness: [broker], logger });
    const text = await (await fetch(`http://127.0.0.1:${server.port}/health/ready`)).text();
    expect(text).toContain('Not ready: broker.');
    expect(text).not.toContain('s3cret');
  });

  it('answers 404 for an unknown path and 405 for another method', async () => {
    server = await serveOperations({
      port: 0,
      metrics: new Metrics({ processMetrics: false }),
      readiness: [],
      logger,
    });
    const base = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`${base}/admin`)).status).toBe(404);
    const post = await fetch(`${base}/metrics`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
