import { type Page, type PageRequest, token } from '@contextflow/core';
import type { UserStatus } from '@contextflow/users-domain';
import type { UserView } from '../contracts/user-view.js';

/** What a user list may be narrowed to, and which page of it. */
export interface UserListFilter extends PageRequest {
  /** Only users in this status. */
  readonly status?: UserStatus | undefined;
  /** Only users whose email or name contains this text, case-insensitively; `%` and `_` match themselves. */
  readonly q?: string | undefined;
}

/**
 * Reads users for display, straight from the context's read tables (no aggregate loading). After a command
 * that changed a user has succeeded, every read reflects it.
 */
export interface UserReadModel {
  /** The user with this id, or `null` when there is none — also for an id that is not a UUID. */
  get(id: string): Promise<UserView | null>;
  /**
   * One page of users matching the filter, newest first: ordered by `createdAt` descending, then `id`
   * descending, so pages never repeat or skip a user. `nextCursor` is opaque (see `UserListCursor`) and
   * `null` on the last page; a cursor that does not decode throws invalid `users.invalid_cursor`. A page may
   * hold fewer items than the limit (even none) and still have a `nextCursor`: an implementation may bound
   * the rows one page reads (a search term it cannot look up in an index), so walking on to `nextCursor === null`
   * is what yields every match.
   */
  list(filter: UserListFilter): Promise<Page<UserView>>;
}

/** Token of {@link UserReadModel}. */
export const UserReadModel = token<UserReadModel>('users.UserReadModel');
