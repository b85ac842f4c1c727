import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { exampleModule } from '../testing/example-module.js';
import { CONTEXTFLOW_API_INFO } from './api-document.js';
import { createHttpTestHarness } from '../testing/http-test-harness.js';

interface Operation {
  security?: unknown;
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}

async function documentOf(options: Parameters<typeof createHttpTestHarness>[0] = {}) {
  const { app } = createHttpTestHarness({
    modules: [exampleModule],
    info: { title: 'Test API', version: '9.9.9' },
    ...options,
  });
  const res = await app.request('/openapi.json');
  expect(res.status).toBe(200);
  return (await res.json()) as {
    openapi: string;
    info: { title: string; version: string };
    servers: unknown[];
    tags: { name: string; description: string }[];
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  };
}

describe('/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = await documentOf();
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(doc.info).toEqual({ title: 'Test API', version: '9.9.9' });
    // Compiling the OpenAPI 3.1 meta-schema takes seconds on a loaded 2-core machine.
  }, 30_000);

  it("lists the module's routes with bearer security and problem responses", async () => {
    const doc = await documentOf();
    const rename = doc.paths['/things/{id}/rename']?.post;
    expect(rename?.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(rename?.responses ?? {}).sort()).toEqual([
      '200',
      '202',
      '400',
      '401',
      '413',
      '415',
      '422',
    ]);
    expect(rename?.responses['422']?.content?.['application/problem+json']?.schema.$ref).toBe(
      '#/components/schemas/Problem',
    );
    expect(doc.paths['/things/{id}']?.get).toBeDefined();
    expect(doc.components.securitySchemes.bearerAuth).toEqual({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
  });

  it('lists the platform routes and names the shared schemas', async () => {
    const doc = await documentOf();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/commands/{id}', '/health/live', '/health/ready']),
    );
    // Bearer, or none for a command issued anonymously (its id is the capability).
    expect(doc.paths['/commands/{id}']?.get?.security).toEqual([{ bearerAuth: [] }, {}]);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Problem', 'CommandView']));
  });

  it("declares the modules' tags and the platform's, and the serving origin as the server", async () => {
    const things = { name: 'things', description: 'Things, for the tests.' };
    const doc = await documentOf({ modules: [{ ...exampleModule, tags: [things] }] });
    expect(doc.tags.map((tag) => tag.name)).toEqual(['things', 'commands', 'operations']);
    expect(doc.tags[0]).toEqual(things);
    expect(doc.servers).toEqual([{ url: '/', description: expect.any(String) }]);
  });

  it("serves contextflow's own info (description, contact, license) when the app is given none", async () => {
    const doc = await documentOf({ info: undefined });
    expect(doc.info).toEqual(CONTEXTFLOW_API_INFO);
    expect(doc.info).toMatchObject({ license: { identifier: 'MIT' }, contact: { name: expect.any(String) } });
  });
});
