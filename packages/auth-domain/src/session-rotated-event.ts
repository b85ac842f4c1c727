import type { DomainEvent } from '@contextflow/core';

/** Recorded when a refresh token is exchanged for the next one of its family; never carries a token or hash. */
export type SessionRotatedEvent = DomainEvent<
  'auth.session-rotated',
  { readonly accountId: string; readonly generation: number }
>;

/** Wire type and schema version of {@link SessionRotatedEvent}. */
export const SessionRotatedEvent = Object.freeze({ type: 'auth.session-rotated', version: 1 } as const);
