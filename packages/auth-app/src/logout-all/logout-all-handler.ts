import { AuthErrors, type SessionRepository } from '@contextflow/auth-domain';
import type { Clock, CommandHandler } from '@contextflow/core';
import type { DeviceTokens } from '../ports/device-tokens.js';
import type { LogoutAllCommand, LogoutAllResult } from './logout-all-command.js';

/**
 * Signs the caller out everywhere: every active session of their account ends (its access and refresh tokens
 * with it, the caller's own included) and every device token of the account is revoked, so the next sign-in
 * from any device is judged by the account's and address's failures again. Without a caller:
 * `auth.unauthenticated`.
 */
export class LogoutAllHandler implements CommandHandler<LogoutAllCommand, LogoutAllResult> {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly devices: DeviceTokens,
    private readonly clock: Clock,
  ) {}

  async handle({ meta }: LogoutAllCommand): Promise<LogoutAllResult> {
    if (meta.actor === null) throw AuthErrors.unauthenticated();
    const accountId = meta.actor.userId;
    const sessionsRevoked = await this.sessions.revokeAllForAccount(accountId, 'logout', this.clock.now());
    const deviceTokensRevoked = await this.devices.revokeAll(accountId);
    return { sessionsRevoked, deviceTokensRevoked };
  }
}
