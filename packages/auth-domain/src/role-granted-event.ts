import type { DomainEvent, Role } from '@contextflow/core';

/** Recorded when an account gains a role it did not hold. */
export type RoleGrantedEvent = DomainEvent<'auth.role-granted', { readonly role: Role }>;

/** Wire type and schema version of {@link RoleGrantedEvent}. */
export const RoleGrantedEvent = Object.freeze({ type: 'auth.role-granted', version: 1 } as const);
