import type { AccessTokenClaims, AccessTokenIssuer, IssuedAccessToken } from '@contextflow/auth-app';
import type { Clock, IdGenerator } from '@contextflow/core';
import { SignJWT } from 'jose';
import type { JwtKeySet } from './jwt-keys.js';
import { ACCESS_TOKEN_TYPE, type JwtOptions } from './jwt-options.js';

/**
 * {@link AccessTokenIssuer} with `jose`: a JWT signed by the current key (EdDSA or ES256), header `kid` and
 * `typ: at+jwt`, claims `iss`, `aud`, `sub` (account id), `sid` (session id), `roles`, `iat`, `exp`, `jti`.
 */
export class JoseAccessTokenIssuer implements AccessTokenIssuer {
  constructor(
    private readonly keys: JwtKeySet,
    private readonly options: JwtOptions,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async issue(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    const { signing } = this.keys;
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const token = await new SignJWT({ sid: claims.sessionId, roles: [...claims.roles] })
      .setProtectedHeader({ alg: signing.alg, kid: signing.kid, typ: ACCESS_TOKEN_TYPE })
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setSubject(claims.accountId)
      .setIssuedAt(now)
      .setExpirationTime(now + this.options.ttlSeconds)
      .setJti(this.ids.next())
      .sign(signing.privateKey);
    return { token, expiresIn: this.options.ttlSeconds };
  }
}
