import type { IssuedAccessToken } from './ports/access-token-issuer.js';

/** The answer to a successful sign-in or refresh: the body of `POST /auth/login` and `POST /auth/refresh`. */
export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  readonly expiresIn: number;
}

/** Puts a signed access token and a fresh refresh token into the wire shape. */
export function issuedTokens(access: IssuedAccessToken, refreshToken: string): IssuedTokens {
  return { accessToken: access.token, refreshToken, tokenType: 'Bearer', expiresIn: access.expiresIn };
}
