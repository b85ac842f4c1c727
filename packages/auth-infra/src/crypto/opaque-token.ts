import { createHash, randomBytes } from 'node:crypto';

const TOKEN_BYTES = 32;

/** The SHA-256 (base64url) under which an opaque token is stored and looked up. */
export function opaqueTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/**
 * A new opaque token: 256 random bits from the operating system's CSPRNG, base64url (43 characters), with the
 * hash to store. A fast hash is enough because the input is random, not chosen by a person.
 */
export function newOpaqueToken(): { readonly token: string; readonly hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: opaqueTokenHash(token) };
}
