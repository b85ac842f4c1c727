import { describe, expect, it } from 'vitest';
import { createHttpTestHarness } from '../testing/http-test-harness.js';

describe('health routes', () => {
  it('answers live without checking anything', async () => {
    const { app } = createHttpTestHarness({
      readiness: [{ name: 'database', check: () => Promise.reject(new Error('down')) }],
    });
    const res = await app.request('/health/live');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers ready when every check passes', async () => {
    const { app } = createHttpTestHarness({ readiness: [{ name: 'database', check: async () => {} }] });
    const res = await app.request('/health/ready');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 naming the failed check, without its error', async () => {
    const { app } = createHttpTestHarness({
      readiness: [
        { name: 'database', check: async () => {} },
        {
          name: 'broker',
          check: () => Promise.reject(new Error('amqp://guest:guest@mq:5672 RabbitMQ 3.10 refused')),
        },
      ],
    });
    const res = await app.request('/health/ready');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({
      status: 503,
      code: 'health.not_ready',
      detail: 'Not ready: broker.',
    });
    expect(text).not.toMatch(/amqp|3\.10|RabbitMQ/);
  });
});
