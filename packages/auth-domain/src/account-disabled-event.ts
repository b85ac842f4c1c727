import type { DomainEvent } from '@contextflow/core';

/** Recorded when an account stops being able to sign in (its user was deactivated). */
export type AccountDisabledEvent = DomainEvent<'auth.account-disabled', Readonly<Record<string, never>>>;

/** Wire type and schema version of {@link AccountDisabledEvent}. */
export const AccountDisabledEvent = Object.freeze({ type: 'auth.account-disabled', version: 1 } as const);
