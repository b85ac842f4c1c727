import { token } from '@contextflow/core';

/** What verifying a password against a stored hash found. */
export interface PasswordCheck {
  readonly ok: boolean;
  /** The hash is valid but weaker than today's parameters: store a new hash of the same password. */
  readonly needsRehash: boolean;
}

/** Hashes and verifies passwords (argon2id in production). Stored hashes are opaque PHC strings. */
export interface PasswordHasher {
  /** A new salted hash of `plain`. */
  hash(plain: string): Promise<string>;
  /** Whether `plain` matches `hash`; a malformed hash is `{ ok: false }`, never an error. */
  verify(hash: string, plain: string): Promise<PasswordCheck>;
  /**
   * Spends the same time as a real `verify` and discards the result, so an unknown email answers as slowly as
   * a wrong password and response time does not reveal which emails have accounts.
   */
  dummyVerify(plain: string): Promise<void>;
}

/** Token of {@link PasswordHasher}. */
export const PasswordHasher = token<PasswordHasher>('auth.PasswordHasher');
