import type { DomainEvent } from '@contextflow/core';

/** Recorded when the owner of an account proved the email is theirs; the users context shows it. */
export type EmailVerifiedEvent = DomainEvent<'auth.email-verified', { readonly email: string }>;

/** Wire type and schema version of {@link EmailVerifiedEvent}. */
export const EmailVerifiedEvent = Object.freeze({ type: 'auth.email-verified', version: 1 } as const);
