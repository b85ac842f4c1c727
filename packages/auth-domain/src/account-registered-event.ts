import type { DomainEvent } from '@contextflow/core';

/** Recorded when an account is created; the users context creates the profile from it. Never carries the password hash. */
export type AccountRegisteredEvent = DomainEvent<
  'auth.account-registered',
  { readonly email: string; readonly name: string }
>;

/** Wire type and schema version of {@link AccountRegisteredEvent}. */
export const AccountRegisteredEvent = Object.freeze({ type: 'auth.account-registered', version: 1 } as const);
