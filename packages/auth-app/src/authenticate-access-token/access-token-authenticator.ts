import type { Clock, Principal } from '@contextflow/core';
import type { AccessTokenVerifier } from '../ports/access-token-verifier.js';
import type { SessionStatusReader } from '../ports/session-status-reader.js';

/**
 * Turns a bearer token into a principal: the signature and expiry are checked by the verifier, then the
 * session behind the token must still be live. So logout, refresh-token reuse and deactivation end access
 * tokens at once, and roles come from the account as it is now, not as it was when the token was issued.
 * It has the shape of core-infra's `Authenticator`, so the infra module can register it under that token.
 */
export class AccessTokenAuthenticator {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly sessions: SessionStatusReader,
    private readonly clock: Clock,
  ) {}

  /** The principal, or `null` for a token that is invalid, expired, or whose session ended. Never throws for bad tokens. */
  async authenticate(bearerToken: string): Promise<Principal | null> {
    const claims = await this.verifier.verify(bearerToken);
    if (claims === null) return null;
    const live = await this.sessions.find(claims.sessionId, this.clock.now());
    if (live === null || live.accountId !== claims.accountId) return null;
    return { userId: live.accountId, roles: live.roles, sessionId: claims.sessionId };
  }
}
