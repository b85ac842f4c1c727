import {
  User,
  type UserEvent,
  type UserRepository,
  UsersErrors,
  type UserSnapshot,
} from '@contextflow/users-domain';

/**
 * A {@link UserRepository} in a map, with the same contract as the real one: the version check, the unique
 * email, and the events of every save collected in {@link published} (the outbox, in effect).
 */
export class InMemoryUserRepository implements UserRepository {
  readonly #users = new Map<string, UserSnapshot>();
  /** Every event handed over by a successful save, oldest first. */
  readonly published: UserEvent[] = [];

  /** Stores users as if saved long ago, without events: the given state of a test. */
  seed(...users: readonly (User | UserSnapshot)[]): this {
    for (const user of users) {
      const snapshot = user instanceof User ? user.toSnapshot() : user;
      this.#users.set(snapshot.id, snapshot);
    }
    return this;
  }

  async findById(id: string): Promise<User | null> {
    const snapshot = this.#users.get(id);
    // A fresh aggregate per load, so two loads are two independent writers.
    return snapshot === undefined ? null : User.restore(snapshot);
  }

  async save(user: User): Promise<void> {
    const stored = this.#users.get(user.id);
    if ((stored?.version ?? 0) !== user.persistedVersion) throw UsersErrors.concurrentUpdate();
    const email = user.email.value;
    if ([...this.#users.values()].some((other) => other.email === email && other.id !== user.id)) {
      throw UsersErrors.emailTaken();
    }
    this.#users.set(user.id, user.toSnapshot());
    this.published.push(...user.pullEvents());
  }

  /** Every stored user, in no particular order: what a read model over the same table sees. */
  snapshots(): UserSnapshot[] {
    return [...this.#users.values()];
  }
}
