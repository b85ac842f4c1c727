import type { DomainEvent } from '@contextflow/core';

/** An administrator reactivated a deactivated user. */
export type UserReactivatedEvent = DomainEvent<'users.user-reactivated', Record<string, never>> & {
  readonly version: 1;
};

/** Wire type and payload version of {@link UserReactivatedEvent}: public API, add a v2, never rename. */
export const UserReactivatedEvent = Object.freeze({ type: 'users.user-reactivated', version: 1 } as const);
