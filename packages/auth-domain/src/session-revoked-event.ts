import type { DomainEvent } from '@contextflow/core';
import type { SessionRevokedReason } from './session-revoked-reason.js';

/** Recorded when a refresh-token family ends before it expires. */
export type SessionRevokedEvent = DomainEvent<
  'auth.session-revoked',
  { readonly accountId: string; readonly reason: SessionRevokedReason }
>;

/** Wire type and schema version of {@link SessionRevokedEvent}. */
export const SessionRevokedEvent = Object.freeze({ type: 'auth.session-revoked', version: 1 } as const);
