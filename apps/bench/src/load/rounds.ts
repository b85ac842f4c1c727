import type { LoadResult } from '../common/results.js';

const median = (values: readonly number[]): number => {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
};

/**
 * One result standing for several rounds of the same load: the median of each measure (req/s, each
 * percentile, the server's CPU per request), the counts summed, and each round's req/s kept in `rounds`.
 */
export function medianOfRounds(rounds: readonly LoadResult[]): LoadResult {
  if (rounds.length === 0) throw new Error('medianOfRounds: no rounds');
  const of = (pick: (result: LoadResult) => number | undefined): number =>
    median(rounds.map(pick).filter((value): value is number => value !== undefined));
  const sum = (pick: (result: LoadResult) => number): number =>
    rounds.reduce((total, result) => total + pick(result), 0);
  const cpu = rounds.every((result) => result.serverCpuMicros !== undefined)
    ? { serverCpuMicros: of((result) => result.serverCpuMicros) }
    : {};
  return {
    requests: sum((result) => result.requests),
    warmupRequests: sum((result) => result.warmupRequests),
    ok: sum((result) => result.ok),
    non2xx: sum((result) => result.non2xx),
    errors: sum((result) => result.errors),
    seconds: sum((result) => result.seconds),
    rps: of((result) => result.rps),
    p50: of((result) => result.p50),
    p90: of((result) => result.p90),
    p99: of((result) => result.p99),
    max: Math.max(...rounds.map((result) => result.max)),
    ...cpu,
    rounds: rounds.map((result) => Math.round(result.rps)),
  };
}
