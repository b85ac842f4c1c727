import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from './retry-policy.js';

describe('retryDelayMs', () => {
  it('waits the first delay before the second attempt', () => {
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 2)).toBe(1_000);
  });

  it('repeats the last delay once the list runs out', () => {
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 5)).toBe(30_000);
  });
});
