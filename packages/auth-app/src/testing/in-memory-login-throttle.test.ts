import { FixedClock } from '@contextflow/core/testing';
import { describe, expect, it } from 'vitest';
import { InMemoryLoginThrottle } from './in-memory-login-throttle.js';

describe('InMemoryLoginThrottle', () => {
  it('blocks a key at the limit and says when to come back', async () => {
    const clock = new FixedClock();
    const throttle = new InMemoryLoginThrottle(clock, { maxFailures: 2, windowSeconds: 60 });
    await throttle.recordFailure(['k']);
    clock.advance(10_000);
    await throttle.recordFailure(['k']);
    await expect(throttle.check(['other', 'k'])).rejects.toThrow(
      expect.objectContaining({
        kind: 'rate_limited',
        code: 'auth.too_many_attempts',
        retryAfterSeconds: 50,
      }),
    );
    clock.advance(50_000);
    await expect(throttle.check(['k'])).resolves.toBeUndefined();
  });

  it('forgets a key on reset', async () => {
    const throttle = new InMemoryLoginThrottle(new FixedClock(), { maxFailures: 1, windowSeconds: 60 });
    await throttle.recordFailure(['k']);
    await throttle.reset(['k']);
    await expect(throttle.check(['k'])).resolves.toBeUndefined();
  });
});
