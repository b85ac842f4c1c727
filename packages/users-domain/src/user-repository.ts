import { token } from '@contextflow/core';
import type { User } from './user.js';

/**
 * Stores {@link User} aggregates. Adapters run inside the transaction of the command being handled, so the
 * state, the outbox rows and the read model change together or not at all.
 */
export interface UserRepository {
  /** The user with this id, or `null` when there is none — also for an id that is not a UUID (never throws for it). */
  findById(id: string): Promise<User | null>;
  /**
   * Inserts a new user (`persistedVersion` 0) or updates one whose stored version equals
   * `user.persistedVersion`; otherwise throws conflict `users.concurrent_update` (also for a new user whose id
   * already exists). A duplicate email throws conflict `users.email_taken`. In the same transaction it takes
   * `user.pullEvents()` and appends them to the outbox, so events are published exactly when the state is saved.
   */
  save(user: User): Promise<void>;
}

/** Token of {@link UserRepository}. */
export const UserRepository = token<UserRepository>('users.UserRepository');
