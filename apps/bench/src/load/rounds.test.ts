import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../common/results.js';
import { medianOfRounds } from './rounds.js';

const round = (rps: number, p99: number, cpu?: number): LoadResult => ({
  requests: rps * 10,
  warmupRequests: rps,
  ok: rps * 10,
  non2xx: 0,
  errors: 0,
  seconds: 10,
  rps,
  p50: p99 / 3,
  p90: p99 / 2,
  p99,
  max: p99 * 2,
  ...(cpu === undefined ? {} : { serverCpuMicros: cpu }),
});

describe('medianOfRounds', () => {
  it('takes the median of each measure on its own and sums the counts', () => {
    const result = medianOfRounds([round(5000, 12, 210), round(3000, 30, 260), round(4000, 9, 190)]);
    expect(result).toMatchObject({
      rps: 4000,
      p99: 12,
      p50: 4,
      serverCpuMicros: 210,
      requests: 120_000,
      seconds: 30,
      max: 60,
      rounds: [5000, 3000, 4000],
    });
  });

  it('averages the two middle rounds of an even number', () => {
    expect(medianOfRounds([round(100, 10), round(300, 30)])).toMatchObject({ rps: 200, p99: 20 });
  });

  it('reports no CPU unless every round measured it', () => {
    expect(medianOfRounds([round(100, 10, 50), round(300, 30)])).not.toHaveProperty('serverCpuMicros');
  });
});
