import { createHttpTestHarness } from '@contextflow/http-kit/testing';
import { describe, expect, it } from 'vitest';
import { docsRoutes } from './docs-routes.js';

describe('docsRoutes', () => {
  const { app } = createHttpTestHarness({ docs: docsRoutes, info: { title: 'Orders <API>', version: '1' } });

  it('serves Swagger UI for the OpenAPI document, titled without markup', async () => {
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<title>Orders API</title>');
    expect(page).toContain('<script src="docs/swagger-ui-bundle.js"></script>');
    const init = await app.request('/docs/init.js');
    expect(await init.text()).toContain("new URL('openapi.json', document.baseURI)");
  });

  it('serves the Swagger UI assets from the installed package, under the docs content security policy', async () => {
    for (const [file, type] of [
      ['swagger-ui-bundle.js', /javascript/],
      ['swagger-ui.css', /css/],
    ] as const) {
      const res = await app.request(`/docs/${file}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(type);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1_000);
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    }
  });

  it('answers 404 for a file of the package it does not serve', async () => {
    const res = await app.request('/docs/package.json');
    expect(res.status).toBe(404);
  });
});
