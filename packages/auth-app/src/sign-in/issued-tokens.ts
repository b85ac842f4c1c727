import type { IssuedAccessToken } from '../ports/access-token-issuer.js';

/** The answer to a successful refresh, and the tokens part of a sign-in: the body of `POST /auth/refresh`. */
export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  readonly expiresIn: number;
}

/**
 * The answer to a successful sign-in (the body of `POST /auth/login`): the tokens and the device token, which
 * the client keeps and presents at its next sign-in. A refresh cannot return the device token: only its hash
 * is stored.
 */
export interface LoginTokens extends IssuedTokens {
  readonly deviceToken: string;
}

/** Puts a signed access token and a fresh refresh token into the wire shape. */
export function issuedTokens(access: IssuedAccessToken, refreshToken: string): IssuedTokens {
  return { accessToken: access.token, refreshToken, tokenType: 'Bearer', expiresIn: access.expiresIn };
}
