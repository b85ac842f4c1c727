import { token } from '@contextflow/core';
import type { AccessTokenClaims } from './access-token-issuer.js';

/** Checks access tokens that the {@link AccessTokenIssuer} signed. */
export interface AccessTokenVerifier {
  /** The claims of a well-formed, correctly signed, unexpired token; `null` otherwise. Never throws for a bad token. */
  verify(token: string): Promise<AccessTokenClaims | null>;
}

/** Token of {@link AccessTokenVerifier}. */
export const AccessTokenVerifier = token<AccessTokenVerifier>('auth.AccessTokenVerifier');
