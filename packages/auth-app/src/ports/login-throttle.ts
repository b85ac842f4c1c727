import { token } from '@contextflow/core';

/**
 * Counts failed attempts per key (an account's email, a client address) and blocks a key that failed too
 * often. The handlers call it and then may fail: a recorded failure must stay counted whatever becomes of the
 * sign-in's unit of work (the adapter writes it after the unit, outside its transaction).
 */
export interface LoginThrottle {
  /** Throws `rate_limited` `auth.too_many_attempts` with `retryAfterSeconds` when any key is blocked. */
  check(keys: readonly string[]): Promise<void>;
  /** Counts one failure against every key. */
  recordFailure(keys: readonly string[]): Promise<void>;
  /** Forgets the failures of these keys. */
  reset(keys: readonly string[]): Promise<void>;
}

/** Token of {@link LoginThrottle}. */
export const LoginThrottle = token<LoginThrottle>('auth.LoginThrottle');
