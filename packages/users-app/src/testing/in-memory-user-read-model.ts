import type { Page } from '@contextflow/core';
import type { UserView } from '../contracts/user-view.js';
import { toUserView } from '../get-user/to-user-view.js';
import type { EmailVerifications } from '../ports/email-verifications.js';
import type { UserListFilter, UserReadModel } from '../ports/user-read-model.js';
import { UserListCursor, type UserListPosition } from '../ports/user-list-cursor.js';
import type { InMemoryUserRepository } from './in-memory-user-repository.js';

// Newest first, then the higher id first: the order every UserReadModel promises.
const byNewest = (a: UserView, b: UserView): number =>
  b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/**
 * A {@link UserReadModel} over the users an {@link InMemoryUserRepository} holds, with the same semantics, and
 * the {@link EmailVerifications} it shows.
 */
export class InMemoryUserReadModel implements UserReadModel, EmailVerifications {
  readonly #verified = new Set<string>();

  constructor(readonly repository: InMemoryUserRepository) {}

  async markVerified(userId: string): Promise<boolean> {
    if (!this.repository.snapshots().some((user) => user.id === userId)) return false;
    this.#verified.add(userId);
    return true;
  }

  async get(id: string): Promise<UserView | null> {
    const snapshot = this.repository.snapshots().find((user) => user.id === id);
    return snapshot === undefined ? null : toUserView(snapshot, this.#verified.has(snapshot.id));
  }

  async list(filter: UserListFilter): Promise<Page<UserView>> {
    const after = filter.cursor === undefined ? null : UserListCursor.decode(filter.cursor);
    const q = filter.q?.toLowerCase();
    const matching = this.repository
      .snapshots()
      .map((user) => toUserView(user, this.#verified.has(user.id)))
      .filter((user) => filter.status === undefined || user.status === filter.status)
      .filter((user) => q === undefined || user.email.includes(q) || user.name.toLowerCase().includes(q))
      .sort(byNewest)
      .filter((user) => after === null || comesAfter(user, after));
    const items = matching.slice(0, filter.limit);
    const last = items.at(-1);
    const hasMore = matching.length > filter.limit && last !== undefined;
    return {
      items,
      nextCursor: hasMore ? UserListCursor.encode({ createdAt: last.createdAt, id: last.id }) : null,
    };
  }
}

/** Whether a user sorts after the cursor position (older, or as old with a lower id). */
function comesAfter(user: UserView, position: UserListPosition): boolean {
  // Cursors may carry PostgreSQL's text form; Date wants `T` and a `+hh:mm` offset.
  const at = new Date(position.createdAt.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')).toISOString();
  return user.createdAt < at || (user.createdAt === at && user.id < position.id);
}
