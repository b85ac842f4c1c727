import type { DomainEvent } from '@contextflow/core';

/** The user's new name. */
export interface UserRenamedPayload {
  readonly name: string;
}

/** A user changed their display name. */
export type UserRenamedEvent = DomainEvent<'users.user-renamed', UserRenamedPayload> & {
  readonly version: 1;
};

/** Wire type and payload version of {@link UserRenamedEvent}: public API, add a v2, never rename. */
export const UserRenamedEvent = Object.freeze({ type: 'users.user-renamed', version: 1 } as const);
