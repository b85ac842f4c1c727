import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { diffApi } from '../scripts/api-diff.mjs';

type Doc = Record<string, unknown>;
const diff = (before: Doc, after: Doc) => diffApi(before, after) as { breaking: string[]; other: string[] };

const User = {
  type: 'object',
  properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, nick: { type: 'string' } },
  required: ['id', 'name'],
};
const RenameBody = {
  type: 'object',
  properties: { name: { type: 'string', minLength: 1, maxLength: 100 } },
  required: ['name'],
};
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

/** A two-operation API; `change` edits a fresh copy (typed loosely: tests reach deep into it). */
// oxlint-disable-next-line typescript/no-explicit-any -- a test fixture edited at arbitrary depth
function api(change: (d: any) => void = () => {}): Doc {
  const d = {
    openapi: '3.1.0',
    paths: {
      '/users/{id}': {
        get: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'ok', ...json({ $ref: '#/components/schemas/User' }) } },
        },
        patch: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, ...json({ $ref: '#/components/schemas/RenameBody' }) },
          responses: { 202: { description: 'accepted' } },
        },
      },
    },
    components: { schemas: { User: structuredClone(User), RenameBody: structuredClone(RenameBody) } },
  };
  change(d);
  return d;
}

describe('diffApi', () => {
  it('finds nothing between equal documents', () => {
    expect(diff(api(), api())).toEqual({ breaking: [], other: [] });
  });

  it('calls a removed path breaking', () => {
    expect(
      diff(
        api(),
        api((d) => delete d.paths['/users/{id}']),
      ).breaking,
    ).toEqual(['GET /users/{id} was removed', 'PATCH /users/{id} was removed']);
  });

  it('calls a removed operation breaking', () => {
    expect(
      diff(
        api(),
        api((d) => delete d.paths['/users/{id}'].patch),
      ).breaking,
    ).toEqual(['PATCH /users/{id} was removed']);
  });

  it('calls a removed response field breaking, through a $ref', () => {
    const after = api((d) => {
      delete d.components.schemas.User.properties.name;
      d.components.schemas.User.required = ['id'];
    });
    expect(diff(api(), after).breaking).toEqual(['GET /users/{id}: response 200: field name was removed']);
  });

  it('calls a response field that may now be missing or null breaking', () => {
    const optional = api((d) => (d.components.schemas.User.required = ['id']));
    const nullable = api((d) => (d.components.schemas.User.properties.name.type = ['string', 'null']));
    expect(diff(api(), optional).breaking).toEqual([
      'GET /users/{id}: response 200: field name may now be missing',
    ]);
    expect(diff(api(), nullable).breaking).toEqual([
      'GET /users/{id}: response 200: field name may now be null',
    ]);
  });

  it('calls a narrowed input type breaking', () => {
    const shorter = api((d) => (d.components.schemas.RenameBody.properties.name.maxLength = 50));
    const enumerated = api((d) => (d.components.schemas.RenameBody.properties.name.enum = ['a', 'b']));
    const param = api((d) => (d.paths['/users/{id}'].get.parameters[0].schema = { type: 'integer' }));
    expect(diff(api(), shorter).breaking).toEqual([
      'PATCH /users/{id}: request body: field name is narrowed to maxLength 50',
    ]);
    expect(diff(api(), enumerated).breaking).toEqual([
      'PATCH /users/{id}: request body: field name no longer accepts values other than "a", "b"',
    ]);
    expect(diff(api(), param).breaking).toEqual([
      'GET /users/{id}: path id parameter: its value no longer accepts string',
    ]);
  });

  it('calls a new required input breaking', () => {
    const field = api((d) => {
      d.components.schemas.RenameBody.properties.reason = { type: 'string' };
      d.components.schemas.RenameBody.required.push('reason');
    });
    const query = api((d) =>
      d.paths['/users/{id}'].get.parameters.push({
        name: 'view',
        in: 'query',
        required: true,
        schema: { type: 'string' },
      }),
    );
    const body = api(
      (d) => (d.paths['/users/{id}'].get.requestBody = { required: true, ...json({ type: 'object' }) }),
    );
    expect(diff(api(), field).breaking).toEqual([
      'PATCH /users/{id}: request body: field reason is a new required field',
    ]);
    expect(diff(api(), query).breaking).toEqual([
      'GET /users/{id}: query view parameter is new and required',
    ]);
    expect(diff(api(), body).breaking).toEqual(['GET /users/{id}: a request body is now required']);
  });

  it('calls a removed success response breaking', () => {
    const after = api((d) => (d.paths['/users/{id}'].patch.responses = { 200: { description: 'done' } }));
    expect(diff(api(), after).breaking).toEqual(['PATCH /users/{id}: response 202 was removed']);
  });

  it('lists additions as non-breaking: an operation, an optional input, a response field, a widened input', () => {
    const after = api((d) => {
      d.paths['/users'] = { get: { responses: { 200: { description: 'ok' } } } };
      d.components.schemas.RenameBody.properties.note = { type: 'string' };
      d.components.schemas.RenameBody.properties.name.maxLength = 200;
      d.components.schemas.User.properties.email = { type: 'string' };
      d.components.schemas.User.required.push('email');
      d.paths['/users/{id}'].get.parameters.push({ name: 'view', in: 'query', required: false, schema: {} });
      d.paths['/users/{id}'].get.responses[404] = { description: 'missing' };
    });
    expect(diff(api(), after)).toEqual({
      breaking: [],
      other: [
        'GET /users/{id} changed',
        'GET /users was added',
        'schema User changed',
        'schema RenameBody changed',
      ],
    });
  });
});
