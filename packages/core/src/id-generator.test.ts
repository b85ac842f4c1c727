import { describe, expect, it } from 'vitest';
import { UUID_PATTERN, UuidV7Generator } from './id-generator.js';

describe('UuidV7Generator', () => {
  it('generates RFC 9562 version 7 UUIDs', () => {
    const id = new UuidV7Generator().next();
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
  });

  it('encodes the current time in the first 48 bits', () => {
    const before = Date.now();
    const id = new UuidV7Generator().next();
    const ms = Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });

  it('keeps ids strictly ordered within one generator, even in the same millisecond', () => {
    const ids = new UuidV7Generator();
    const generated = Array.from({ length: 10_000 }, () => ids.next());
    expect(new Set(generated).size).toBe(generated.length);
    expect([...generated].sort()).toEqual(generated);
  });
});
