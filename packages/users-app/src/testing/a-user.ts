import { User, type UserSnapshot, type UserStatus } from '@contextflow/users-domain';
import { aliceId } from './principals.js';

/** Builds stored users for tests: Alice, active, version 1, unless told otherwise. */
export class UserBuilder {
  #snapshot: UserSnapshot;

  constructor(snapshot: UserSnapshot) {
    this.#snapshot = snapshot;
  }

  /** The same user with another id. */
  withId(id: string): UserBuilder {
    return new UserBuilder({ ...this.#snapshot, id });
  }

  /** The same user with another email. */
  withEmail(email: string): UserBuilder {
    return new UserBuilder({ ...this.#snapshot, email });
  }

  /** The same user with another display name. */
  withName(name: string): UserBuilder {
    return new UserBuilder({ ...this.#snapshot, name });
  }

  /** The same user in another status. */
  withStatus(status: UserStatus): UserBuilder {
    return new UserBuilder({ ...this.#snapshot, status });
  }

  /** The same user, deactivated. */
  deactivated(): UserBuilder {
    return this.withStatus('deactivated');
  }

  /** The same user, created (and last updated) at this time. */
  createdAt(at: Date | string): UserBuilder {
    return new UserBuilder({ ...this.#snapshot, createdAt: new Date(at), updatedAt: new Date(at) });
  }

  /** The same user at another stored version. */
  atVersion(version: number): UserBuilder {
    return new UserBuilder({ ...this.#snapshot, version });
  }

  /** The user's snapshot, as a repository would store it. */
  snapshot(): UserSnapshot {
    return { ...this.#snapshot };
  }

  /** The user as a repository would load it: no pending events. */
  build(): User {
    return User.restore(this.#snapshot);
  }
}

/** A stored user builder, starting from Alice (`alice@example.com`, "Alice", active, version 1). */
export function aUser(): UserBuilder {
  return new UserBuilder({
    id: aliceId,
    email: 'alice@example.com',
    name: 'Alice',
    status: 'active',
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
    updatedAt: new Date('2026-01-01T00:00:00.000Z'),
    version: 1,
  });
}
