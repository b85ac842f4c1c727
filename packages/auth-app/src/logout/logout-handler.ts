import { newStamp, type SessionRepository } from '@contextflow/auth-domain';
import type { Clock, CommandHandler, IdGenerator } from '@contextflow/core';
import type { RefreshTokens } from '../ports/refresh-tokens.js';
import type { LogoutCommand } from './logout-command.js';

/**
 * Revokes the session of the presented refresh token (current or already exchanged), which also ends its
 * access tokens. An unknown or already revoked token succeeds too: logout never reveals whether a token was valid.
 */
export class LogoutHandler implements CommandHandler<LogoutCommand, void> {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly refreshTokens: RefreshTokens,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle({ payload }: LogoutCommand): Promise<void> {
    const hash = this.refreshTokens.hashOf(payload.refreshToken);
    const session = await this.sessions.findByTokenHash(hash);
    if (session === null) return;
    session.revoke('logout', newStamp(this.ids, this.clock));
    if (session.pendingEvents.length > 0) await this.sessions.save(session);
  }
}
