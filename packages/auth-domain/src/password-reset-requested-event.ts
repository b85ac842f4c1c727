import type { DomainEvent } from '@contextflow/core';

/**
 * Recorded when someone asked for a password reset of an active account: the mailer sends a link for `linkId`
 * to `email`. Never carries the link's token.
 */
export type PasswordResetRequestedEvent = DomainEvent<
  'auth.password-reset-requested',
  { readonly linkId: string; readonly email: string }
>;

/** Wire type and schema version of {@link PasswordResetRequestedEvent}. */
export const PasswordResetRequestedEvent = Object.freeze({
  type: 'auth.password-reset-requested',
  version: 1,
} as const);
