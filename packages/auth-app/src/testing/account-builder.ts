import { Account, Email } from '@contextflow/auth-domain';
import type { Role } from '@contextflow/core';
import { FakePasswordHasher } from './fake-password-hasher.js';

let sequence = 0;

/** Builds accounts for tests, with a password hashed the way {@link FakePasswordHasher} expects. */
export class AccountBuilder {
  #id: string;
  #email = 'alice@example.com';
  #passwordHash = FakePasswordHasher.hashOf('correct horse battery staple');
  #roles: Role[] = [];
  #disabled = false;

  constructor() {
    sequence += 1;
    this.#id = `00000000-0000-7000-a000-${sequence.toString(16).padStart(12, '0')}`;
  }

  withId(id: string): this {
    this.#id = id;
    return this;
  }

  withEmail(email: string): this {
    this.#email = email;
    return this;
  }

  withPassword(plain: string): this {
    this.#passwordHash = FakePasswordHasher.hashOf(plain);
    return this;
  }

  /** A password whose stored hash verifies but needs a rehash. */
  withLegacyPassword(plain: string): this {
    this.#passwordHash = FakePasswordHasher.legacyHashOf(plain);
    return this;
  }

  withRole(role: Role): this {
    this.#roles.push(role);
    return this;
  }

  disabled(): this {
    this.#disabled = true;
    return this;
  }

  /** A registered account, its events already taken (as if loaded from storage). */
  build(): Account {
    const at = new Date('2026-01-01T00:00:00.000Z');
    const stamp = () => ({
      eventId: `00000000-0000-7000-b000-${(sequence += 1).toString(16).padStart(12, '0')}`,
      at,
    });
    const account = Account.register(
      {
        id: this.#id,
        email: Email.parse(this.#email),
        passwordHash: this.#passwordHash,
        name: 'Test Account',
      },
      stamp(),
    );
    for (const role of this.#roles) account.grantRole(role, stamp());
    if (this.#disabled) account.disable(stamp());
    account.pullEvents();
    return Account.restore(account.toSnapshot());
  }
}

/** Starts an {@link AccountBuilder}. */
export function anAccount(): AccountBuilder {
  return new AccountBuilder();
}
