import type { DomainEvent } from '@contextflow/core';

/** An administrator deactivated a user; other contexts end the user's sessions. */
export type UserDeactivatedEvent = DomainEvent<'users.user-deactivated', Record<string, never>> & {
  readonly version: 1;
};

/** Wire type and payload version of {@link UserDeactivatedEvent}: public API, add a v2, never rename. */
export const UserDeactivatedEvent = Object.freeze({ type: 'users.user-deactivated', version: 1 } as const);
