import { type AccountRepository, AuthErrors } from '@contextflow/auth-domain';
import { type Clock, type CommandHandler, type IdGenerator, isAdmin } from '@contextflow/core';
import { openVerificationLink } from '../account-links/open-verification-link.js';
import type { AccountLinks } from '../ports/account-links.js';
import type { AuthSettings } from '../ports/auth-settings.js';
import type {
  RequestEmailVerificationCommand,
  RequestEmailVerificationResult,
} from './request-email-verification-command.js';

/**
 * Sends a new verification email (the earlier links stop working). Only the account's owner, an admin or the
 * system may ask (`auth.admin_only` otherwise); an unknown account fails with `auth.account_not_found`, a
 * verified one with `auth.email_already_verified`.
 */
export class RequestEmailVerificationHandler
  implements CommandHandler<RequestEmailVerificationCommand, RequestEmailVerificationResult>
{
  constructor(
    private readonly accounts: AccountRepository,
    private readonly links: AccountLinks,
    private readonly settings: AuthSettings,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle({ payload, meta }: RequestEmailVerificationCommand): Promise<RequestEmailVerificationResult> {
    if (meta.actor === null) throw AuthErrors.unauthenticated();
    if (meta.actor.userId !== payload.accountId && !isAdmin(meta.actor)) throw AuthErrors.adminOnly();
    const account = await this.accounts.findById(payload.accountId);
    if (account === null) throw AuthErrors.accountNotFound();
    const ttl = this.settings.emailVerificationTtlSeconds;
    await openVerificationLink(account, this.links, ttl, this.ids, this.clock, payload.reminder ?? false);
    await this.accounts.save(account);
    return { accountId: account.id };
  }
}
