import type { Clock, IdGenerator } from '@contextflow/core';
import { type Account, newStamp, Session, type SessionRepository } from '@contextflow/auth-domain';
import { type IssuedTokens, issuedTokens } from './issued-tokens.js';
import type { AccessTokenIssuer } from '../ports/access-token-issuer.js';
import type { AuthSettings } from '../ports/auth-settings.js';
import type { RefreshTokens } from '../ports/refresh-tokens.js';

/** Starts a session (a refresh-token family) for an account that just proved who it is, and issues its tokens. */
export class SessionStarter {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly refreshTokens: RefreshTokens,
    private readonly accessTokens: AccessTokenIssuer,
    private readonly settings: AuthSettings,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** Saves a new session for the account and returns its first access and refresh tokens. */
  async start(account: Account): Promise<IssuedTokens> {
    const refresh = this.refreshTokens.generate();
    const session = Session.start(
      {
        id: this.ids.next(),
        accountId: account.id,
        tokenHash: refresh.hash,
        ttlSeconds: this.settings.refreshTokenTtlSeconds,
      },
      newStamp(this.ids, this.clock),
    );
    await this.sessions.save(session);
    const access = await this.accessTokens.issue({
      accountId: account.id,
      roles: account.roles,
      sessionId: session.id,
    });
    return issuedTokens(access, refresh.token);
  }
}
