import type {
  AccessTokenClaims,
  AccessTokenIssuer,
  IssuedAccessToken,
} from '../ports/access-token-issuer.js';
import type { AccessTokenVerifier } from '../ports/access-token-verifier.js';

/** Issues readable tokens (`access-1`, ...) and verifies the ones it issued; signatures and expiry are not modelled. */
export class FakeAccessTokenIssuer implements AccessTokenIssuer, AccessTokenVerifier {
  readonly #issued = new Map<string, AccessTokenClaims>();

  constructor(readonly expiresIn = 900) {}

  async issue(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    const token = `access-${this.#issued.size + 1}`;
    this.#issued.set(token, claims);
    return { token, expiresIn: this.expiresIn };
  }

  async verify(token: string): Promise<AccessTokenClaims | null> {
    return this.#issued.get(token) ?? null;
  }
}
