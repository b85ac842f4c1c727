import type { DomainEvent } from '@contextflow/core';

/** How a password was changed: through a reset link, or by its owner knowing the current one. */
export type PasswordChangeKind = 'reset' | 'change';

/** Recorded when an account's password was replaced. Never carries the password or its hash. */
export type PasswordChangedEvent = DomainEvent<'auth.password-changed', { readonly via: PasswordChangeKind }>;

/** Wire type and schema version of {@link PasswordChangedEvent}. */
export const PasswordChangedEvent = Object.freeze({ type: 'auth.password-changed', version: 1 } as const);
