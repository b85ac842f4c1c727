import { type AccountRepository, AuthErrors, newStamp } from '@contextflow/auth-domain';
import type { Clock, CommandHandler, IdGenerator } from '@contextflow/core';
import { redeemLink } from '../account-links/redeem-link.js';
import type { AccountLinks } from '../ports/account-links.js';
import type { LinkSecrets } from '../ports/link-secrets.js';
import type { VerifyEmailCommand, VerifyEmailResult } from './verify-email-command.js';

/**
 * Verifies the account's email with a link of a verification email: the link is used up and every other
 * verification link of the account stops working. An unknown, used, expired or superseded link (or a wrong
 * secret) fails with `auth.invalid_token`.
 */
export class VerifyEmailHandler implements CommandHandler<VerifyEmailCommand, VerifyEmailResult> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly links: AccountLinks,
    private readonly secrets: LinkSecrets,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle({ payload }: VerifyEmailCommand): Promise<VerifyEmailResult> {
    const link = await redeemLink(this.links, this.secrets, payload, 'verify-email', this.clock.now());
    const account = await this.accounts.findById(link.accountId);
    if (account === null) throw AuthErrors.invalidToken();
    account.verifyEmail(newStamp(this.ids, this.clock));
    await this.accounts.save(account);
    return { accountId: account.id, emailVerified: true };
  }
}
