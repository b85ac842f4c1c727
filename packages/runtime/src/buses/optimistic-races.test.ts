import { AppError } from '@contextflow/core';
import { describe, expect, it } from 'vitest';
import { RACE_ATTEMPTS, retryingRaces } from './optimistic-races.js';

/** A unit of work that fails with `error` on its first `failures` runs, then answers how many runs it took. */
function unitOfWork(failures: number, error: Error = AppError.concurrency('probe.raced', 'Raced.')) {
  let runs = 0;
  return {
    runs: () => runs,
    run: async () => {
      runs += 1;
      if (runs <= failures) throw error;
      return runs;
    },
  };
}

describe('retryingRaces', () => {
  it('runs a unit of work that lost an optimistic race again until it wins', async () => {
    const unit = unitOfWork(2);
    await expect(retryingRaces(unit.run)).resolves.toBe(3);
  });

  it(`gives up after ${RACE_ATTEMPTS} runs and rethrows the race`, async () => {
    const unit = unitOfWork(Number.POSITIVE_INFINITY);
    await expect(retryingRaces(unit.run)).rejects.toMatchObject({ kind: 'concurrency', code: 'probe.raced' });
    expect(unit.runs()).toBe(RACE_ATTEMPTS);
  });

  it('never runs again on a failure that is not a race', async () => {
    for (const error of [AppError.conflict('probe.refused', 'Refused.'), new Error('database down')]) {
      const unit = unitOfWork(1, error);
      await expect(retryingRaces(unit.run)).rejects.toBe(error);
      expect(unit.runs()).toBe(1);
    }
  });
});
