import { AppError } from '@contextflow/core';

/** Limits of a {@link Semaphore}. */
export interface SemaphoreLimits {
  /** Tasks that run at once. */
  readonly concurrency: number;
  /** Tasks that may wait for a slot; one more is refused at once (503). */
  readonly maxQueue: number;
}

/**
 * Runs at most `concurrency` tasks at once and queues up to `maxQueue` more, first come first served. A full
 * queue refuses the task with an `unavailable` AppError (503 + `Retry-After`), so a flood sheds load instead
 * of piling up memory and latency without bound.
 */
export class Semaphore {
  #running = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(
    private readonly limits: SemaphoreLimits,
    private readonly busyCode = 'auth.busy',
  ) {
    if (limits.concurrency < 1) throw new Error('Semaphore: concurrency must be at least 1');
  }

  /** Tasks running now and tasks waiting for a slot. */
  get stats(): { readonly running: number; readonly waiting: number } {
    return { running: this.#running, waiting: this.#waiting.length };
  }

  /** Runs `task` when a slot is free; a free slot is taken synchronously, before this returns. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running < this.limits.concurrency) {
      this.#running += 1;
    } else if (this.#waiting.length >= this.limits.maxQueue) {
      throw new AppError('unavailable', this.busyCode, 'The server is busy; try again shortly.', {
        retryAfterSeconds: 1,
      });
    } else {
      // The releasing task hands its slot over directly, so `running` never dips and nobody jumps the queue.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next === undefined) this.#running -= 1;
      else next();
    }
  }
}
