import type { DomainEvent, Role } from '@contextflow/core';

/** Recorded when an account loses a role it held. */
export type RoleRevokedEvent = DomainEvent<'auth.role-revoked', { readonly role: Role }>;

/** Wire type and schema version of {@link RoleRevokedEvent}. */
export const RoleRevokedEvent = Object.freeze({ type: 'auth.role-revoked', version: 1 } as const);
