import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pacer } from './pacer.js';

describe('pacer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets the n-th call through at n / rate seconds, never sooner', async () => {
    const pace = pacer(5);
    const passed: number[] = [];
    const start = performance.now();
    const calls = Array.from({ length: 4 }, async () => {
      await pace();
      passed.push(Math.round(performance.now() - start));
    });
    await vi.runAllTimersAsync();
    await Promise.all(calls);
    expect(passed).toEqual([0, 200, 400, 600]);
  });

  it('lets every call through at once without a rate', async () => {
    const pace = pacer(undefined);
    await expect(Promise.all([pace(), pace(), pace()])).resolves.toHaveLength(3);
  });
});
