import { isAppError } from '@contextflow/core';

const ATTEMPTS = 3;

/**
 * Runs a load-change-save step again when its save lost an optimistic race (`auth.concurrent_update`), so a
 * reaction or an idempotent command does not fail because a sign-in touched the same row a moment earlier.
 * Each attempt must reload what it changes; under READ COMMITTED a retry in the same transaction sees the
 * winner's write. After the last attempt the conflict is thrown.
 */
export async function retryOnConcurrentUpdate<T>(step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      const raced = isAppError(error) && error.code === 'auth.concurrent_update';
      if (!raced || attempt >= ATTEMPTS) throw error;
    }
  }
}
