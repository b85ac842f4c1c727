import type { Clock } from '@contextflow/core';
import { linkToken } from '../account-links/link-token.js';
import type { AccountLinks } from '../ports/account-links.js';
import type { AuthSettings } from '../ports/auth-settings.js';
import type { LinkSecrets } from '../ports/link-secrets.js';
import type { Mailer } from '../ports/mailer.js';
import { linkEmailText, registrationAttemptedText } from './account-email-texts.js';

const PATHS = { 'verify-email': '/verify-email', 'reset-password': '/reset-password' } as const;

/**
 * Sends the emails the account lifecycle asks for, in the unit of work of the event that asked (its inbox
 * claim included): a redelivered event sends nothing again. A link email makes the link's secret, stores its
 * hash and sends the secret; a link that was used, superseded or expired before it could be sent is not sent
 * (a newer one is on its way, or the request is void). A failed send throws, so the unit of work rolls back
 * (no hash stored) and the event is retried.
 */
export class AccountEmailSender {
  constructor(
    private readonly links: AccountLinks,
    private readonly secrets: LinkSecrets,
    private readonly mailer: Mailer,
    private readonly settings: AuthSettings,
    private readonly clock: Clock,
  ) {}

  /** Sends the email of link `linkId` to `to`; false when the link may not be sent (any more). */
  async sendLink(linkId: string, to: string, reminder = false): Promise<boolean> {
    const link = await this.links.find(linkId);
    const now = this.clock.now();
    if (link === null || link.sentAt !== null || link.usedAt !== null || link.supersededAt !== null)
      return false;
    if (link.expiresAt.getTime() <= now.getTime()) return false;
    const { secret, hash } = this.secrets.generate();
    await this.links.markSent(link.id, hash, now);
    const url = `${this.settings.appBaseUrl.replace(/\/+$/, '')}${PATHS[link.purpose]}?token=${linkToken(link.id, secret)}`;
    const ttl =
      link.purpose === 'verify-email'
        ? this.settings.emailVerificationTtlSeconds
        : this.settings.passwordResetTtlSeconds;
    await this.mailer.send({ id: link.id, to, ...linkEmailText(link.purpose, url, ttl, reminder) });
    return true;
  }

  /** Tells the owner of `to` that someone tried to register with it; `eventId` names the email. */
  async sendRegistrationAttempted(eventId: string, to: string): Promise<void> {
    await this.mailer.send({ id: eventId, to, ...registrationAttemptedText() });
  }
}
