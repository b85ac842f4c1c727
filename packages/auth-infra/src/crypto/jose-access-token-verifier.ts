import type { AccessTokenClaims, AccessTokenVerifier } from '@contextflow/auth-app';
import { type Clock, ROLES, type Role } from '@contextflow/core';
import { type JWTHeaderParameters, jwtVerify } from 'jose';
import type { JwtKeySet } from './jwt-keys.js';
import { ACCESS_TOKEN_TYPE, type JwtOptions } from './jwt-options.js';

// Far above any token this issuer makes; refusing longer input bounds the work a garbage header costs.
const MAX_TOKEN_LENGTH = 4096;
const REQUIRED_CLAIMS = ['sub', 'sid', 'iat', 'exp', 'jti'];

/**
 * {@link AccessTokenVerifier} with `jose`. The key comes from the header's `kid` among the current and previous
 * keys, and the algorithm is pinned by that key (never taken from the token: no `none`, no HS256 signed with a
 * public key); `typ`, `iss`, `aud` and `exp` must match. Any failure is `null`.
 */
export class JoseAccessTokenVerifier implements AccessTokenVerifier {
  constructor(
    private readonly keys: JwtKeySet,
    private readonly options: Pick<JwtOptions, 'issuer' | 'audience'>,
    private readonly clock: Clock,
  ) {}

  async verify(token: string): Promise<AccessTokenClaims | null> {
    if (token.length > MAX_TOKEN_LENGTH) return null;
    try {
      const { payload } = await jwtVerify(token, (header: JWTHeaderParameters) => this.#keyFor(header), {
        algorithms: this.keys.algorithms,
        issuer: this.options.issuer,
        audience: this.options.audience,
        typ: ACCESS_TOKEN_TYPE,
        requiredClaims: REQUIRED_CLAIMS,
        currentDate: this.clock.now(),
      });
      const { sub, sid, roles } = payload;
      if (typeof sub !== 'string' || typeof sid !== 'string' || !Array.isArray(roles)) return null;
      return { accountId: sub, sessionId: sid, roles: ROLES.filter((role: Role) => roles.includes(role)) };
    } catch {
      return null;
    }
  }

  #keyFor(header: JWTHeaderParameters) {
    const key = this.keys.find(header.kid);
    if (key === undefined || key.alg !== header.alg) throw new Error('no key for this token');
    return key.publicKey;
  }
}
