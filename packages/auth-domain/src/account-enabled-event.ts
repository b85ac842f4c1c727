import type { DomainEvent } from '@contextflow/core';

/** Recorded when a disabled account may sign in again. */
export type AccountEnabledEvent = DomainEvent<'auth.account-enabled', Readonly<Record<string, never>>>;

/** Wire type and schema version of {@link AccountEnabledEvent}. */
export const AccountEnabledEvent = Object.freeze({ type: 'auth.account-enabled', version: 1 } as const);
