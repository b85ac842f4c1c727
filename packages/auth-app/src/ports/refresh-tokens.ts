import { token } from '@contextflow/core';

/** A new refresh token and the hash under which it is stored. */
export interface GeneratedRefreshToken {
  /** Given to the client once; never stored. */
  readonly token: string;
  readonly hash: string;
}

/**
 * Makes opaque refresh tokens (at least 256 random bits) and hashes them. Only hashes are stored, so a leaked
 * sessions table grants nothing; a fast deterministic hash (SHA-256) suffices because the tokens are random.
 */
export interface RefreshTokens {
  generate(): GeneratedRefreshToken;
  /** The hash `generate` would have given for `token`; any string is accepted. */
  hashOf(token: string): string;
}

/** Token of {@link RefreshTokens}. */
export const RefreshTokens = token<RefreshTokens>('auth.RefreshTokens');
