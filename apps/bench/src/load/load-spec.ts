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
  /**
   * Requests a second across all connections; absent: as fast as the target answers. At a rate every
   * target keeps up with, CPU per request compares the targets' work without how busy each ran.
   */
  readonly rate?: number;
}

/** A load phase as the bench's phases give it: the target's URL, and the run's defaults where not given. */
export type LoadPhase = Omit<LoadSpec, 'baseUrl' | 'connections' | 'warmupSeconds' | 'seconds'> &
  Partial<LoadSpec>;
