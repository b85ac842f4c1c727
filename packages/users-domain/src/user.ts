import { AggregateRoot } from '@contextflow/core';
import { Email } from './email.js';
import { UsersErrors } from './errors.js';
import type { Stamp } from './stamp.js';
import { UserDeactivatedEvent } from './user-deactivated-event.js';
import type { UserEvent } from './user-event.js';
import { UserName } from './user-name.js';
import { UserReactivatedEvent } from './user-reactivated-event.js';
import { UserRegisteredEvent } from './user-registered-event.js';
import { UserRenamedEvent } from './user-renamed-event.js';
import type { UserStatus } from './user-status.js';

/** The persisted state of a {@link User}, in plain values: what repositories store and restore. */
export interface UserSnapshot {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly status: UserStatus;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** The aggregate version: 1 after registration, one more per recorded event. */
  readonly version: number;
}

/** A person known to the system: their email, display name and whether they are active. */
export class User extends AggregateRoot<UserEvent> {
  #email: Email;
  #name: UserName;
  #status: UserStatus;
  #createdAt: Date;
  #updatedAt: Date;

  private constructor(
    id: string,
    version: number,
    state: { email: Email; name: UserName; status: UserStatus; createdAt: Date; updatedAt: Date },
  ) {
    super(id, version);
    this.#email = state.email;
    this.#name = state.name;
    this.#status = state.status;
    this.#createdAt = state.createdAt;
    this.#updatedAt = state.updatedAt;
  }

  /** A new active user; records {@link UserRegisteredEvent}. The id comes from the auth context's account. */
  static register(input: { id: string; email: Email; name: UserName }, stamp: Stamp): User {
    const { id, email, name } = input;
    const user = new User(id, 0, {
      email,
      name,
      status: 'active',
      createdAt: new Date(stamp.at),
      updatedAt: new Date(stamp.at),
    });
    user.record({
      ...UserRegisteredEvent,
      ...user.#changedAt(stamp),
      payload: { email: email.value, name: name.value },
    });
    return user;
  }

  /** Rebuilds a stored user, with no pending events; its values are checked again on the way in. */
  static restore(snapshot: UserSnapshot): User {
    return new User(snapshot.id, snapshot.version, {
      email: Email.of(snapshot.email),
      name: UserName.of(snapshot.name),
      status: snapshot.status,
      createdAt: new Date(snapshot.createdAt),
      updatedAt: new Date(snapshot.updatedAt),
    });
  }

  /** The address the user signs in with; unique among users. */
  get email(): Email {
    return this.#email;
  }

  /** The display name. */
  get name(): UserName {
    return this.#name;
  }

  /** Whether the user is active or deactivated. */
  get status(): UserStatus {
    return this.#status;
  }

  /** When the user registered. */
  get createdAt(): Date {
    return new Date(this.#createdAt);
  }

  /** When the last recorded change happened. */
  get updatedAt(): Date {
    return new Date(this.#updatedAt);
  }

  /** Changes the display name; the same name changes nothing. Throws conflict `users.user_deactivated`. */
  rename(name: UserName, stamp: Stamp): void {
    if (this.#status === 'deactivated') {
      throw UsersErrors.userDeactivated();
    }
    if (this.#name.equals(name)) return;
    this.#name = name;
    this.record({ ...UserRenamedEvent, ...this.#changedAt(stamp), payload: { name: name.value } });
  }

  /** Deactivates the user; an already deactivated user stays as is, with no event. */
  deactivate(stamp: Stamp): void {
    if (this.#status === 'deactivated') return;
    this.#status = 'deactivated';
    this.record({ ...UserDeactivatedEvent, ...this.#changedAt(stamp), payload: {} });
  }

  /** Reactivates the user; an already active user stays as is, with no event. */
  reactivate(stamp: Stamp): void {
    if (this.#status === 'active') return;
    this.#status = 'active';
    this.record({ ...UserReactivatedEvent, ...this.#changedAt(stamp), payload: {} });
  }

  /** The current state in plain values, for repositories. */
  toSnapshot(): UserSnapshot {
    return {
      id: this.id,
      email: this.#email.value,
      name: this.#name.value,
      status: this.#status,
      createdAt: this.createdAt,
      updatedAt: this.updatedAt,
      version: this.version,
    };
  }

  /** The envelope fields every event of this change shares; also moves `updatedAt` to the change. */
  #changedAt(stamp: Stamp): { id: string; occurredAt: string } {
    this.#updatedAt = new Date(stamp.at);
    return { id: stamp.eventId, occurredAt: stamp.at.toISOString() };
  }
}
