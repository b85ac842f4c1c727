import type { DomainEvent } from '@contextflow/core';

/** What a registration recorded. */
export interface UserRegisteredPayload {
  readonly email: string;
  readonly name: string;
}

/** A user now exists (status `active`). */
export type UserRegisteredEvent = DomainEvent<'users.user-registered', UserRegisteredPayload> & {
  readonly version: 1;
};

/** Wire type and payload version of {@link UserRegisteredEvent}: public API, add a v2, never rename. */
export const UserRegisteredEvent = Object.freeze({ type: 'users.user-registered', version: 1 } as const);
