import type { DomainEvent } from '@contextflow/core';

/**
 * Recorded when someone tried to register with the email of this account: the registration answered as if the
 * email were free, and the mailer tells the owner instead.
 */
export type RegistrationAttemptedEvent = DomainEvent<
  'auth.registration-attempted',
  { readonly email: string }
>;

/** Wire type and schema version of {@link RegistrationAttemptedEvent}. */
export const RegistrationAttemptedEvent = Object.freeze({
  type: 'auth.registration-attempted',
  version: 1,
} as const);
