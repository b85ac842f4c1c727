/** What access tokens are issued for and how long they live; shared by the issuer and the verifier. */
export interface JwtOptions {
  /** `iss`: who issued the token. */
  readonly issuer: string;
  /** `aud`: the API the token is meant for. */
  readonly audience: string;
  /** At most 900 (15 minutes): revocation is checked per request, but a short life bounds a leaked token. */
  readonly ttlSeconds: number;
}

/** The JWT `typ` header of access tokens (RFC 9068), so an ID token or another JWT is never taken for one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
