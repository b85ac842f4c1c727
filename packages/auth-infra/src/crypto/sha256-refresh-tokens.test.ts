import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256RefreshTokens } from './sha256-refresh-tokens.js';

describe('Sha256RefreshTokens', () => {
  const tokens = new Sha256RefreshTokens();

  it('generates 256-bit base64url tokens, never the same twice', () => {
    const generated = Array.from({ length: 100 }, () => tokens.generate().token);
    for (const token of generated) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(generated).size).toBe(100);
  });

  it('stores the SHA-256 of the token, not the token', () => {
    const { token, hash } = tokens.generate();
    expect(hash).not.toContain(token);
    expect(hash).toBe(createHash('sha256').update(token).digest('base64url'));
  });

  it('hashes any presented string the way it hashed the generated one', () => {
    const { token, hash } = tokens.generate();
    expect(tokens.hashOf(token)).toBe(hash);
    expect(tokens.hashOf(`${token}x`)).not.toBe(hash);
    expect(tokens.hashOf('')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
