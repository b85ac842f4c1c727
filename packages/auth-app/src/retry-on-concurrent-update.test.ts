import { AuthErrors } from '@contextflow/auth-domain';
import { describe, expect, it } from 'vitest';
import { retryOnConcurrentUpdate } from './retry-on-concurrent-update.js';

describe('retryOnConcurrentUpdate', () => {
  it('runs the step again after a lost optimistic race', async () => {
    let attempts = 0;
    const result = await retryOnConcurrentUpdate(async () => {
      attempts += 1;
      if (attempts < 3) throw AuthErrors.concurrentUpdate();
      return 'saved';
    });
    expect([result, attempts]).toEqual(['saved', 3]);
  });

  it('gives up after three attempts with the conflict', async () => {
    let attempts = 0;
    const always = () => {
      attempts += 1;
      return Promise.reject(AuthErrors.concurrentUpdate());
    };
    await expect(retryOnConcurrentUpdate(always)).rejects.toThrow(
      expect.objectContaining({ code: 'auth.concurrent_update' }),
    );
    expect(attempts).toBe(3);
  });

  it('does not retry any other error', async () => {
    let attempts = 0;
    const notFound = () => {
      attempts += 1;
      return Promise.reject(AuthErrors.accountNotFound());
    };
    await expect(retryOnConcurrentUpdate(notFound)).rejects.toThrow(
      expect.objectContaining({ code: 'auth.account_not_found' }),
    );
    expect(attempts).toBe(1);
  });
});
