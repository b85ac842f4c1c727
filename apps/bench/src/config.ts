/** The knobs of a run, from `BENCH_*` variables (defaults keep the whole run to a few minutes). */
export interface BenchConfig {
  readonly users: number;
  readonly warmupSeconds: number;
  readonly seconds: number;
  readonly connections: number;
  /** Rounds of each side-by-side load phase, the targets taking turns; each measure is their median. */
  readonly rounds: number;
  /**
   * Unmeasured rounds before those, the targets taking turns the same way: a process just started serves its
   * first seconds of load well below its steady pace (V8 still compiling, the heap still sizing itself).
   */
  readonly warmupRounds: number;
  readonly e2eCommands: number;
  readonly brokerMessages: number;
  /** Write CPU profiles of the http app and the worker (`BENCH_CPU_PROF=1`). */
  readonly cpuProfile: boolean;
  readonly sequentialCommands: number;
  /** The scale phase grows the users tables to this many rows (0: no scale phase). */
  readonly scaleUsers: number;
  /** Sequential requests per read path and size in the scale phase. */
  readonly scaleRequests: number;
  /** Scheduled commands due in the same second, for the scheduler phase. */
  readonly timers: number;
  readonly databaseUrl: string;
  readonly amqpUrl: string;
}

const positive = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number, not "${raw}"`);
  return value;
};

/** Reads the configuration; throws with a clear message on a bad value. */
export function benchConfig(): BenchConfig {
  return {
    users: positive('BENCH_USERS', 10_000),
    warmupSeconds: positive('BENCH_WARMUP_SECONDS', 3),
    seconds: positive('BENCH_SECONDS', 10),
    connections: positive('BENCH_CONNECTIONS', 32),
    rounds: Math.max(1, positive('BENCH_ROUNDS', 3)),
    warmupRounds: positive('BENCH_WARMUP_ROUNDS', 1),
    e2eCommands: positive('BENCH_E2E_COMMANDS', 1_000),
    brokerMessages: positive('BENCH_BROKER_MESSAGES', 5_000),
    sequentialCommands: positive('BENCH_SEQUENTIAL_COMMANDS', 300),
    scaleUsers: positive('BENCH_SCALE_USERS', 1_000_000),
    scaleRequests: positive('BENCH_SCALE_REQUESTS', 200),
    timers: positive('BENCH_TIMERS', 10_000),
    cpuProfile: process.env.BENCH_CPU_PROF === '1',
    databaseUrl: process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    amqpUrl: process.env.TEST_AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672',
  };
}
