import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { generateClientTypes, typeOf } from '../scripts/client-types.mjs';

describe('typeOf (client type generation)', () => {
  it('maps JSON schema to TypeScript types', () => {
    expect(typeOf({ type: ['string', 'null'] })).toBe('string | null');
    expect(typeOf({ type: 'string', enum: ['a', 'b'] })).toBe('"a" | "b"');
    expect(typeOf({ type: 'array', items: { $ref: '#/components/schemas/UserView' } })).toBe('UserView[]');
    expect(typeOf({ allOf: [{ $ref: '#/components/schemas/Problem' }, { description: 'why' }] })).toBe(
      'Problem',
    );
    expect(typeOf({ description: 'anything' })).toBe('unknown');
    expect(
      typeOf({
        type: 'object',
        properties: { a: { type: 'integer' }, 'b-c': { type: 'boolean' } },
        required: ['a'],
      }),
    ).toBe('{\n  a: number;\n  "b-c"?: boolean;\n}');
  });

  it('lists every operation with its inputs, responses by status and documented statuses', () => {
    const source: string = generateClientTypes({
      paths: {
        '/things/{id}': {
          get: {
            summary: 'One thing',
            parameters: [
              { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
              { name: 'q', in: 'query', required: false, schema: { type: 'string' } },
            ],
            responses: {
              200: { description: 'ok', content: { 'application/json': { schema: { type: 'string' } } } },
              204: { description: 'none' },
            },
          },
        },
      },
    });
    expect(source).toContain('params: {\n        id: string;\n      };');
    expect(source).toContain('query?: {\n        q?: string;\n      };');
    expect(source).toContain('200: string;');
    expect(source).toContain('204: undefined;');
    expect(source).toContain('{"/things/{id}":{"get":[200,204]}}');
  });
});
