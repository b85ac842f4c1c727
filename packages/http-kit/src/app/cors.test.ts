import { describe, expect, it } from 'vitest';
import { createHttpTestHarness } from '../testing/http-test-harness.js';

describe('CORS', () => {
  const { app } = createHttpTestHarness({ corsOrigins: ['https://app.example.com'] });

  it('echoes an allowed origin', async () => {
    const res = await app.request('/health/live', { headers: { Origin: 'https://app.example.com' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it('answers a preflight from an allowed origin', async () => {
    const res = await app.request('/health/live', {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('does not allow any other origin, nor ever "*"', async () => {
    const res = await app.request('/health/live', { headers: { Origin: 'https://evil.example.com' } });
    expect(res.headers.has('access-control-allow-origin')).toBe(false);
  });

  it('allows no origin at all by default', async () => {
    const plain = createHttpTestHarness();
    const res = await plain.app.request('/health/live', { headers: { Origin: 'https://app.example.com' } });
    expect(res.headers.has('access-control-allow-origin')).toBe(false);
  });

  it('refuses a wildcard allowlist', () => {
    expect(() => createHttpTestHarness({ corsOrigins: ['*'] })).toThrow(/allowlist/);
  });
});
