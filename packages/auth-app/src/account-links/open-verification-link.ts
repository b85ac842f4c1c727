import { type Account, newStamp } from '@contextflow/auth-domain';
import type { Clock, IdGenerator } from '@contextflow/core';
import type { AccountLinks } from '../ports/account-links.js';
import { openLink } from './open-link.js';

/**
 * Opens a new verification link for the account (superseding its earlier ones) and records the request on the
 * account, whose save hands the event to the outbox: the mailer sends the link. Throws
 * `auth.email_already_verified` when there is nothing to verify.
 */
export async function openVerificationLink(
  account: Account,
  links: AccountLinks,
  ttlSeconds: number,
  ids: IdGenerator,
  clock: Clock,
  reminder = false,
): Promise<void> {
  const linkId = ids.next();
  account.requestEmailVerification(linkId, newStamp(ids, clock), reminder);
  const link = { id: linkId, accountId: account.id, purpose: 'verify-email' } as const;
  await openLink(links, link, clock.now(), ttlSeconds);
}
