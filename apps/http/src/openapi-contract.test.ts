import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { fakePlatform } from '../test/fake-platform.js';
import { buildApp } from './build-app.js';
import { modules } from './modules.js';

type Operation = { security?: unknown[]; responses: Record<string, unknown> };

async function document() {
  const { container, logger } = fakePlatform();
  const app = buildApp(container, modules, logger, { corsOrigins: [], bodyLimitBytes: 1024 });
  return (await (await app.request('/openapi.json')).json()) as {
    paths: Record<string, Record<string, Operation>>;
  };
}

/** Every route of API.md, as `METHOD path`. */
const CONTRACT = [
  'post /auth/register',
  'post /auth/login',
  'post /auth/refresh',
  'post /auth/logout',
  'get /.well-known/jwks.json',
  'post /auth/users/{id}/roles',
  'delete /auth/users/{id}/roles/{role}',
  'get /users/me',
  'get /users/{id}',
  'get /users',
  'patch /users/{id}',
  'post /users/{id}/deactivate',
  'post /users/{id}/reactivate',
  'get /commands/{id}',
  'get /health/live',
  'get /health/ready',
];

describe('the OpenAPI document of the composed app', () => {
  it('passes a real OpenAPI 3.1 validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(await document());
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  }, 30_000);

  it('describes every route of the HTTP contract', async () => {
    const { paths } = await document();
    const operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m} ${path}`),
    );
    expect(operations).toEqual(expect.arrayContaining(CONTRACT));
  });

  it('declares bearer security and problem responses on every authenticated route', async () => {
    const { paths } = await document();
    const anonymous = new Set([
      'post /auth/register',
      'post /auth/login',
      'post /auth/refresh',
      'post /auth/logout',
      'get /.well-known/jwks.json',
      'get /health/live',
      'get /health/ready',
    ]);
    for (const entry of CONTRACT.filter((e) => !anonymous.has(e))) {
      const [method, path] = entry.split(' ') as [string, string];
      const operation = paths[path]?.[method];
      // A command issued anonymously (registration) is readable with its id alone.
      const security = entry === 'get /commands/{id}' ? [{ bearerAuth: [] }, {}] : [{ bearerAuth: [] }];
      expect({ entry, security: operation?.security }).toEqual({ entry, security });
      expect({ entry, has401: '401' in (operation?.responses ?? {}) }).toEqual({ entry, has401: true });
    }
  });
});
