import type { LoadResult } from './load/load-spec.js';
import type { SequentialResult } from './phases/sequential.js';

/** Throughput and latency of work measured to completion (commands, raw broker messages). */
export interface CompletionResult {
  readonly count: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  /**
   * CPU the whole machine spent per item (µs): every process and the kernel, busy time from /proc/stat over
   * the phase. On a machine the phase saturates, this is what its throughput is made of.
   */
  readonly machineCpuMicros?: number;
}

/** A target of the issue, evaluated on this run. */
export interface TargetResult {
  readonly name: string;
  readonly actual: string;
  readonly target: string;
  readonly met: boolean;
}

/** Everything one run measured; written as JSON. */
export interface BenchResults {
  readonly startedAt: string;
  readonly machine: { cpus: number; memoryGiB: number; node: string; loadAverage: number[] };
  readonly config: Record<string, number>;
  readonly startup: {
    migrateMs: number;
    httpReadyMs: number;
    workerReadyMs: number;
    embeddedReadyMs: number;
  };
  /** MiB: idle after start, and the peak sampled under load. */
  readonly rss: Record<string, { idle: number; load: number }>;
  readonly getUser: { full: LoadResult; raw: LoadResult };
  readonly listUsers: { full: LoadResult; raw: LoadResult };
  readonly accept: { full: LoadResult; raw: LoadResult };
  /**
   * `full`: the worker draining the accept phase's backlog (throughput; its latencies include the wait in the
   * backlog). `underLoad`: commands accepted and processed at once (latency). `raw`: the broker loop.
   */
  readonly endToEnd: {
    full: CompletionResult;
    underLoad: CompletionResult;
    raw: CompletionResult;
    accepted: LoadResult;
  };
  readonly sequential: SequentialResult;
  targets: TargetResult[];
}
