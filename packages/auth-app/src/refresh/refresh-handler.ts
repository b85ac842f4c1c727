import {
  type AccountRepository,
  AuthErrors,
  newStamp,
  type Session,
  type SessionRepository,
} from '@contextflow/auth-domain';
import { type Clock, type CommandHandler, type IdGenerator, isAppError } from '@contextflow/core';
import { issuedTokens } from '../sign-in/issued-tokens.js';
import type { AccessTokenIssuer } from '../ports/access-token-issuer.js';
import type { LoginThrottle } from '../ports/login-throttle.js';
import type { RefreshTokens } from '../ports/refresh-tokens.js';
import { type TokenOutcome, tokenOutcome } from '../sign-in/token-outcome.js';
import type { RefreshCommand } from './refresh-command.js';

/**
 * Rotates the refresh token: the presented one stops working and a new pair is issued with the account's
 * current roles. An already-exchanged token revokes its whole family (`auth.refresh_token_reused`, and the
 * revocation is committed); unknown, revoked or expired tokens, and disabled accounts, get
 * `auth.invalid_refresh_token`.
 *
 * The token is looked up first (one hash, one indexed read), so a valid one is never refused by the throttle:
 * only failed refreshes count against the client address, and only a failed refresh from an address over its
 * limit gets 429 instead of 401.
 */
export class RefreshHandler implements CommandHandler<RefreshCommand, TokenOutcome> {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly accounts: AccountRepository,
    private readonly refreshTokens: RefreshTokens,
    private readonly accessTokens: AccessTokenIssuer,
    private readonly throttle: LoginThrottle,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  handle({ payload }: RefreshCommand): Promise<TokenOutcome> {
    const keys = payload.clientAddress === '' ? [] : [`refresh:address:${payload.clientAddress}`];
    return tokenOutcome(async () => {
      const presented = this.refreshTokens.hashOf(payload.refreshToken);
      const session = await this.sessions.findByTokenHash(presented);
      const account = session === null ? null : await this.accounts.findById(session.accountId);
      if (session === null || account === null || !account.isActive) {
        return this.#refuse(keys, AuthErrors.invalidRefreshToken());
      }
      const next = this.refreshTokens.generate();
      try {
        session.rotate(presented, next.hash, newStamp(this.ids, this.clock));
      } catch (error) {
        // A reused token revokes its family whatever the throttle says.
        if (session.pendingEvents.length > 0) await this.sessions.save(session);
        return this.#refuse(keys, error);
      }
      await this.#save(session);
      const access = await this.accessTokens.issue({
        accountId: account.id,
        roles: account.roles,
        sessionId: session.id,
      });
      return issuedTokens(access, next.token);
    });
  }

  // A blocked address gets 429 (and nothing more is counted); otherwise the failure counts, then the refusal.
  async #refuse(keys: readonly string[], error: unknown): Promise<never> {
    await this.throttle.check(keys);
    await this.throttle.recordFailure(keys);
    throw error;
  }

  // Two exchanges of one token raced and the other won: this token is no longer current. Not treated as
  // reuse, because a client retrying a request it thinks was lost looks exactly like this.
  async #save(session: Session): Promise<void> {
    try {
      await this.sessions.save(session);
    } catch (error) {
      if (isAppError(error) && error.code === 'auth.concurrent_update')
        throw AuthErrors.invalidRefreshToken();
      throw error;
    }
  }
}
