import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

// The keys of a zod `z.object({ ... })` schema, one per line as the loaders write them.
const schemaKeys = (source: string) => [
  ...(source.match(/z\.object\(\{([\s\S]*?)\n\}\);/)?.[1] ?? '').matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm),
];

describe('.env.example', () => {
  const listed = [...read('.env.example').matchAll(/^# ([A-Z][A-Z0-9_]+)=/gm)].map(([, name]) => name);

  it('lists every variable the configuration loaders and dev.ts read, once each', () => {
    const loaded = [
      ...schemaKeys(read('packages/runtime/src/config/load-config.ts')),
      ...schemaKeys(read('packages/auth-infra/src/config/load-auth-config.ts')),
    ].map(([, name]) => name);
    const devOnly = [...read('apps/http/src/dev.ts').matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)].map(
      ([, name]) => name,
    );
    expect(loaded.length).toBeGreaterThan(20);
    expect(devOnly).toContain('HOST');
    expect(listed).toEqual(expect.arrayContaining([...new Set([...loaded, ...devOnly])]));
    expect(listed.length).toBe(new Set(listed).size);
  });
});
