/** What one measured run gave: 2xx throughput and latency percentiles (ms). */
export interface LoadResult {
  readonly requests: number;
  /** Requests of the warm-up (not measured, but they count for the CPU per request). */
  readonly warmupRequests: number;
  /** CPU time (user + system) the server process spent per request, warm-up included, in µs. */
  readonly serverCpuMicros?: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly seconds: number;
  readonly rps: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  /** Each round's req/s, when the result is the median of several rounds (`medianOfRounds`). */
  readonly rounds?: readonly number[];
}

/** Percentiles (ms) of one measure. */
export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
}

/** What the sequential phase measured, with the server side split into stages. */
export interface SequentialResult {
  readonly commands: number;
  readonly client: Percentiles;
  readonly server: Percentiles;
  /**
   * accept commit → the relay's claiming transaction began (`outbox.sent_at` is that transaction's `now()`);
   * then → the command's last update (publish with confirm, delivery, handler transaction).
   */
  readonly stages: { readonly acceptToRelay: Percentiles; readonly relayToSucceeded: Percentiles };
}

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

/**
 * The scheduler under a burst: `timers` commands all due in the same second. Latencies are from the due time
 * (ms): to the scheduler handing the command to the outbox (`dueToFired`), and to the command succeeding.
 */
export interface SchedulerResult {
  readonly timers: number;
  readonly failed: number;
  /** Fired before their due time (must be 0). */
  readonly early: number;
  readonly dueToFired: Percentiles;
  readonly dueToSucceeded: Percentiles;
  /** Timers handed to the outbox per second, from the due time to the last one. */
  readonly firedPerSecond: number;
  /** Timer commands succeeded per second, from the due time to the last one. */
  readonly succeededPerSecond: number;
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
  /** `floor`: the bare Hono + pg server (no auth, no checks): the least serving that data can cost. */
  readonly getUser: { full: LoadResult; raw: LoadResult; floor: LoadResult };
  readonly listUsers: { full: LoadResult; raw: LoadResult; floor: LoadResult };
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
  /** Absent when `BENCH_SCALE_USERS=0`. */
  readonly scale?: ScaleResult | undefined;
  /** Absent in results written before the scheduler existed. */
  readonly scheduler?: SchedulerResult;
  targets: TargetResult[];
}

/** Sequential request times of one read path at one table size (ms). */
export interface ScaleTiming {
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
}

/** One read path at the two sizes; `ratio` = large p50 / small p50. */
export interface ScalePath {
  readonly name: string;
  readonly small: ScaleTiming;
  readonly large: ScaleTiming;
  readonly ratio: number;
}

/** The scale phase: the read paths at `small` and at `large` users (rows of users.user_views). */
export interface ScaleResult {
  readonly small: number;
  readonly large: number;
  /** Measured requests per path and size (a tenth more ran first as warm-up). */
  readonly requests: number;
  /** Seconds the bulk load took (insert of the rows, vacuum analyze). */
  readonly loadSeconds: number;
  readonly paths: readonly ScalePath[];
}
