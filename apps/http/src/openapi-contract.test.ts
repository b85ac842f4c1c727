import { readFileSync } from 'node:fs';
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

/** A route of the HTTP contract, from a row of a route table of docs/http-api.md. */
interface ContractRoute {
  /** `method path`, lower-case method: `post /auth/register`. */
  readonly entry: string;
  /** The table's "who" column: `anyone` needs no token. */
  readonly who: string;
}

/** Every row `| METHOD | /path | who | … |` of the contract's route tables. */
function contractRoutes(): ContractRoute[] {
  const doc = readFileSync(new URL('../../../docs/http-api.md', import.meta.url), 'utf8');
  return [...doc.matchAll(/^\| (GET|POST|PUT|PATCH|DELETE) \| (\/[^ |]*) \| ([^|]+) \|/gm)].map((m) => ({
    entry: `${m[1]?.toLowerCase()} ${m[2]}`,
    who: (m[3] ?? '').trim(),
  }));
}

const CONTRACT = contractRoutes();

describe('the OpenAPI document of the composed app', () => {
  it('passes a real OpenAPI 3.1 validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(await document());
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  }, 30_000);

  it('describes exactly the routes of the HTTP contract (docs/http-api.md): none missing, none more', async () => {
    const { paths } = await document();
    const operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m} ${path}`),
    );
    expect(CONTRACT.length).toBeGreaterThan(10);
    expect(operations.sort()).toEqual(CONTRACT.map((route) => route.entry).sort());
  });

  it('declares bearer security and problem responses on every authenticated route', async () => {
    const { paths } = await document();
    const authenticated = CONTRACT.filter((route) => route.who !== 'anyone').map((route) => route.entry);
    expect(authenticated).toContain('get /users/me');
    for (const entry of authenticated) {
      const [method, path] = entry.split(' ') as [string, string];
      const operation = paths[path]?.[method];
      // A command issued anonymously (registration) is readable with its id alone.
      const security = entry === 'get /commands/{id}' ? [{ bearerAuth: [] }, {}] : [{ bearerAuth: [] }];
      expect({ entry, security: operation?.security }).toEqual({ entry, security });
      expect({ entry, has401: '401' in (operation?.responses ?? {}) }).toEqual({ entry, has401: true });
    }
  });
});
