import { type AccountRepository, Email, newStamp } from '@contextflow/auth-domain';
import { type Clock, type CommandHandler, type IdGenerator, isAppError } from '@contextflow/core';
import { openLink } from '../account-links/open-link.js';
import type { AccountLinks } from '../ports/account-links.js';
import type { AuthSettings } from '../ports/auth-settings.js';
import type {
  RequestPasswordResetCommand,
  RequestPasswordResetResult,
} from './request-password-reset-command.js';

const HOUR_MS = 3_600_000;

/**
 * Opens a password-reset link for the address's account and records the request (the mailer sends the link),
 * the earlier reset links stopping. It succeeds with the same empty result whatever the address: unknown,
 * malformed, a disabled account, or an account that had `passwordResetMaxPerHour` links in the last hour all
 * send nothing, and nobody can tell.
 */
export class RequestPasswordResetHandler
  implements CommandHandler<RequestPasswordResetCommand, RequestPasswordResetResult>
{
  constructor(
    private readonly accounts: AccountRepository,
    private readonly links: AccountLinks,
    private readonly settings: AuthSettings,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle({ payload }: RequestPasswordResetCommand): Promise<RequestPasswordResetResult> {
    const email = parsedOrNull(payload.email);
    const account = email === null ? null : await this.accounts.findByEmail(email);
    if (account === null || !account.isActive) return {};
    const now = this.clock.now();
    const since = new Date(now.getTime() - HOUR_MS);
    const recent = await this.links.countOpenedSince(account.id, 'reset-password', since);
    if (recent >= this.settings.passwordResetMaxPerHour) return {};
    const linkId = this.ids.next();
    account.requestPasswordReset(linkId, newStamp(this.ids, this.clock));
    const link = { id: linkId, accountId: account.id, purpose: 'reset-password' } as const;
    await openLink(this.links, link, now, this.settings.passwordResetTtlSeconds);
    await this.accounts.save(account);
    return {};
  }
}

function parsedOrNull(raw: string): Email | null {
  try {
    return Email.parse(raw);
  } catch (error) {
    if (isAppError(error) && error.kind === 'invalid') return null;
    throw error;
  }
}
