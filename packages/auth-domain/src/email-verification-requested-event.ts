import type { DomainEvent } from '@contextflow/core';

/**
 * Recorded when an account's email is to be verified (at registration, on a resend, as a reminder): the mailer
 * sends a link for `linkId` to `email`. Never carries the link's token: the mailer makes it when it sends.
 */
export type EmailVerificationRequestedEvent = DomainEvent<
  'auth.email-verification-requested',
  { readonly linkId: string; readonly email: string; readonly reminder: boolean }
>;

/** Wire type and schema version of {@link EmailVerificationRequestedEvent}. */
export const EmailVerificationRequestedEvent = Object.freeze({
  type: 'auth.email-verification-requested',
  version: 1,
} as const);
