import { describe, expect, it } from 'vitest';
import { fakePlatform } from '../test/fake-platform.js';
import { buildApp } from './build-app.js';
import { modules } from './modules.js';

describe('buildApp', () => {
  it('serves the platform routes of the configured modules', async () => {
    const { container, logger } = fakePlatform();
    const app = buildApp(container, modules, logger, { corsOrigins: [], bodyLimitBytes: 1024 });
    expect((await app.request('/health/live')).status).toBe(200);
    const doc = (await (await app.request('/openapi.json')).json()) as { openapi: string; paths: object };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/commands/{id}');
  });

  it('applies the configured CORS allowlist and body limit', async () => {
    const { container, logger } = fakePlatform();
    const config = { corsOrigins: ['https://app.example.com'], bodyLimitBytes: 16 };
    const app = buildApp(container, modules, logger, config);
    const cors = await app.request('/health/live', { headers: { Origin: 'https://app.example.com' } });
    expect(cors.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const big = await app.request('/health/live', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(64) }),
    });
    expect(big.status).toBe(413);
  });

  it('reports readiness failures by check name', async () => {
    const { container, logger } = fakePlatform();
    const down = { name: 'database', check: () => Promise.reject(new Error('connection refused')) };
    const app = buildApp(container, modules, logger, { corsOrigins: [], bodyLimitBytes: 1024 }, [down]);
    const res = await app.request('/health/ready');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ detail: 'Not ready: database.' });
  });
});
