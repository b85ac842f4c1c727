import type { Logger } from '@contextflow/core-infra';

/** One answer the server gave to shed load: a 429 or a 503 it chose to give. */
export interface BackPressureAnswer {
  /** The error code (`auth.busy`, `auth.too_many_attempts`): bursts are counted per code. */
  readonly code: string;
  readonly status: number;
  readonly route: string;
}

interface Burst {
  /** Answers since the last line. */
  more: number;
  readonly status: number;
}

/**
 * Logs back-pressure answers at warn, once per burst and without a stack: the first answer of a code at once,
 * then at most one summary line per `intervalMs` with how many more were given, until an interval passes with
 * none. A flood of thousands of refusals costs a few lines, and a refusal is expected, not a failure.
 */
export class BackPressureLog {
  readonly #bursts = new Map<string, Burst>();

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs = 10_000,
  ) {}

  /** Counts one answer, logging it if it starts a burst. */
  note(answer: BackPressureAnswer): void {
    const burst = this.#bursts.get(answer.code);
    if (burst !== undefined) {
      burst.more += 1;
      return;
    }
    this.logger.warn(
      { code: answer.code, status: answer.status, route: answer.route },
      'back-pressure: refusing requests',
    );
    this.#open(answer.code, answer.status);
  }

  #open(code: string, status: number): void {
    this.#bursts.set(code, { more: 0, status });
    // Unref'd: a pending summary never keeps a stopping process alive.
    setTimeout(() => this.#close(code), this.intervalMs).unref();
  }

  #close(code: string): void {
    const burst = this.#bursts.get(code);
    this.#bursts.delete(code);
    if (burst === undefined || burst.more === 0) return;
    this.logger.warn(
      { code, status: burst.status, refused: burst.more, seconds: this.intervalMs / 1000 },
      'back-pressure continues',
    );
    this.#open(code, burst.status);
  }
}
