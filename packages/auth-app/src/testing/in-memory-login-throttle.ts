import { AuthErrors } from '@contextflow/auth-domain';
import type { Clock } from '@contextflow/core';
import type { LoginThrottle } from '../ports/login-throttle.js';

/** Limits of {@link InMemoryLoginThrottle}. */
export interface ThrottleLimits {
  /** Failures within the window that block a key. */
  readonly maxFailures: number;
  readonly windowSeconds: number;
}

/** A sliding-window {@link LoginThrottle} in process memory: fine for tests and a single embedded process. */
export class InMemoryLoginThrottle implements LoginThrottle {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: ThrottleLimits = { maxFailures: 5, windowSeconds: 900 },
  ) {}

  async check(keys: readonly string[]): Promise<void> {
    const now = this.clock.now().getTime();
    let retryAfterMs = 0;
    for (const key of keys) {
      const recent = this.#recent(key, now);
      const oldest = recent[0];
      if (recent.length >= this.limits.maxFailures && oldest !== undefined) {
        retryAfterMs = Math.max(retryAfterMs, oldest + this.limits.windowSeconds * 1000 - now);
      }
    }
    if (retryAfterMs > 0) throw AuthErrors.tooManyAttempts(Math.max(1, Math.ceil(retryAfterMs / 1000)));
  }

  async recordFailure(keys: readonly string[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (const key of keys) this.#failures.set(key, [...this.#recent(key, now), now]);
  }

  async reset(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.#failures.delete(key);
  }

  #recent(key: string, now: number): number[] {
    const windowStart = now - this.limits.windowSeconds * 1000;
    return (this.#failures.get(key) ?? []).filter((at) => at > windowStart);
  }
}
