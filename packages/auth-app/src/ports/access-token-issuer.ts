import { type Role, token } from '@contextflow/core';

/** Who an access token speaks for. */
export interface AccessTokenClaims {
  readonly accountId: string;
  readonly roles: readonly Role[];
  /** The session (refresh-token family) it was issued from; revoking the session ends the token. */
  readonly sessionId: string;
}

/** A signed access token and its lifetime. */
export interface IssuedAccessToken {
  readonly token: string;
  readonly expiresIn: number;
}

/** Issues short-lived, signed access tokens (JWT in production). */
export interface AccessTokenIssuer {
  /** A token carrying the claims, valid for `expiresIn` seconds. */
  issue(claims: AccessTokenClaims): Promise<IssuedAccessToken>;
}

/** Token of {@link AccessTokenIssuer}. */
export const AccessTokenIssuer = token<AccessTokenIssuer>('auth.AccessTokenIssuer');
