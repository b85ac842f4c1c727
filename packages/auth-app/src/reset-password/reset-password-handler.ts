import {
  type AccountRepository,
  AuthErrors,
  newStamp,
  type SessionRepository,
} from '@contextflow/auth-domain';
import type { Clock, CommandHandler, IdGenerator } from '@contextflow/core';
import { redeemLink } from '../account-links/redeem-link.js';
import type { AccountLinks } from '../ports/account-links.js';
import type { DeviceTokens } from '../ports/device-tokens.js';
import type { LinkSecrets } from '../ports/link-secrets.js';
import type { PendingCredentials } from '../ports/pending-credentials.js';
import type { ResetPasswordCommand, ResetPasswordResult } from './reset-password-command.js';

/**
 * Sets the new password with a reset link: the link is used up, every other reset link of the account stops
 * working, the old password stops working, and every session and device token of the account ends. An
 * unknown, used, expired or superseded link (or a wrong secret) fails with `auth.invalid_token`.
 */
export class ResetPasswordHandler implements CommandHandler<ResetPasswordCommand, ResetPasswordResult> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly links: AccountLinks,
    private readonly secrets: LinkSecrets,
    private readonly credentials: PendingCredentials,
    private readonly sessions: SessionRepository,
    private readonly devices: DeviceTokens,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle({ payload }: ResetPasswordCommand): Promise<ResetPasswordResult> {
    const now = this.clock.now();
    const passwordHash = await this.credentials.take(payload.credentialId);
    const link = await redeemLink(this.links, this.secrets, payload, 'reset-password', now);
    const account = await this.accounts.findById(link.accountId);
    if (account === null || passwordHash === null) throw AuthErrors.invalidToken();
    account.changePassword(passwordHash, 'reset', newStamp(this.ids, this.clock));
    await this.accounts.save(account);
    const sessionsEnded = await this.sessions.revokeAllForAccount(account.id, 'logout', now);
    await this.devices.revokeAll(account.id);
    return { accountId: account.id, sessionsEnded };
  }
}
