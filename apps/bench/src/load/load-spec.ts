/** One load phase, as the bench sends it to the load child over IPC. */
export interface LoadSpec {
  readonly baseUrl: string;
  readonly method: 'GET' | 'PATCH';
  /** The path, with `{id}` replaced by the next of `ids` for every request (round robin). */
  readonly path: string;
  readonly ids?: readonly string[];
  /** A JSON body, with `{n}` replaced by a request counter (PATCH). */
  readonly body?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly connections: number;
  /** Seconds of load before the measured run (its numbers are dropped). */
  readonly warmupSeconds: number;
  /** Seconds of the measured run; or a fixed number of requests with `amount`. */
  readonly seconds: number;
  readonly amount?: number;
}

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
}
