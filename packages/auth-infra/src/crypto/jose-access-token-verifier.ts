import type { AccessTokenClaims, AccessTokenVerifier } from '@contextflow/auth-app';
import { type Clock, ROLES, type Role } from '@contextflow/core';
import { type JWTHeaderParameters, jwtVerify } from 'jose';
import type { JwtKeySet } from './jwt-keys.js';
import { ACCESS_TOKEN_TYPE, type JwtOptions } from './jwt-options.js';

// Far above any token this issuer makes; refusing longer input bounds the work a garbage header costs.
const MAX_TOKEN_LENGTH = 4096;
const REQUIRED_CLAIMS = ['sub', 'sid', 'iat', 'exp', 'jti'];
/** Verified tokens remembered (a few MB at most); past it, the oldest is forgotten first. */
const CACHE_SIZE = 10_000;

interface Verified {
  readonly claims: AccessTokenClaims;
  /** `exp`, in ms since the epoch. */
  readonly expiresAt: number;
}

/**
 * {@link AccessTokenVerifier} with `jose`. The key comes from the header's `kid` among the current and previous
 * keys, and the algorithm is pinned by that key (never taken from the token: no `none`, no HS256 signed with a
 * public key); `typ`, `iss`, `aud` and `exp` must match. Any failure is `null`.
 *
 * A signature check costs about 300 µs of CPU (Ed25519 through jose, on a small VM): more than the rest of a
 * read request. A client sends the same token with every request until it expires, so a token that verified
 * is remembered (by its exact text, up to {@link CACHE_SIZE}) with its claims until its `exp`. That is safe
 * because the key set never changes in a running process and nothing in a token can change without changing
 * its text; what can change — the session being revoked, the account deactivated — is checked on every
 * request by the authenticator, not here. Failures are never remembered.
 */
export class JoseAccessTokenVerifier implements AccessTokenVerifier {
  constructor(
    private readonly keys: JwtKeySet,
    private readonly options: Pick<JwtOptions, 'issuer' | 'audience'>,
    private readonly clock: Clock,
  ) {}

  readonly #verified = new Map<string, Verified>();

  async verify(token: string): Promise<AccessTokenClaims | null> {
    if (token.length > MAX_TOKEN_LENGTH) return null;
    const known = this.#verified.get(token);
    if (known !== undefined) {
      if (known.expiresAt > this.clock.now().getTime()) return known.claims;
      this.#verified.delete(token);
      return null;
    }
    const verified = await this.#verify(token);
    if (verified === null) return null;
    this.#remember(token, verified);
    return verified.claims;
  }

  #remember(token: string, verified: Verified): void {
    if (this.#verified.size >= CACHE_SIZE) {
      const oldest = this.#verified.keys().next();
      if (oldest.done !== true) this.#verified.delete(oldest.value);
    }
    this.#verified.set(token, verified);
  }

  async #verify(token: string): Promise<Verified | null> {
    try {
      const { payload } = await jwtVerify(token, (header: JWTHeaderParameters) => this.#keyFor(header), {
        algorithms: this.keys.algorithms,
        issuer: this.options.issuer,
        audience: this.options.audience,
        typ: ACCESS_TOKEN_TYPE,
        requiredClaims: REQUIRED_CLAIMS,
        currentDate: this.clock.now(),
      });
      const { sub, sid, roles, exp } = payload;
      if (typeof sub !== 'string' || typeof sid !== 'string' || !Array.isArray(roles)) return null;
      if (typeof exp !== 'number') return null;
      return {
        claims: { accountId: sub, sessionId: sid, roles: ROLES.filter((role: Role) => roles.includes(role)) },
        expiresAt: exp * 1000,
      };
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
