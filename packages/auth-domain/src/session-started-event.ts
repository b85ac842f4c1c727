import type { DomainEvent } from '@contextflow/core';

/** Recorded when a sign-in starts a refresh-token family. */
export type SessionStartedEvent = DomainEvent<'auth.session-started', { readonly accountId: string }>;

/** Wire type and schema version of {@link SessionStartedEvent}. */
export const SessionStartedEvent = Object.freeze({ type: 'auth.session-started', version: 1 } as const);
