import { token } from '@contextflow/core';

/**
 * Makes the secrets of the links sent by email (at least 128 bits from a CSPRNG) and hashes them. Only hashes
 * are stored; a fast hash (SHA-256) suffices because the secrets are random.
 */
export interface LinkSecrets {
  /** A new secret (base64url) and the hash to store. */
  generate(): { readonly secret: string; readonly hash: string };
  /** The hash `generate` would have given for `secret`. */
  hashOf(secret: string): string;
  /** Whether two hashes are equal, compared in constant time. */
  sameHash(a: string, b: string): boolean;
}

/** Token of {@link LinkSecrets}. */
export const LinkSecrets = token<LinkSecrets>('auth.LinkSecrets');
