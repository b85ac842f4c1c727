import type { Logger } from '@contextflow/core-infra';
import { type Kysely, sql } from 'kysely';
import { isDatabaseUnavailable } from './is-database-unavailable.js';

/** Options of {@link DatabaseGate}. */
export interface DatabaseGateOptions {
  // oxlint-disable-next-line typescript/no-explicit-any -- any schema: the gate only runs `select 1`
  readonly db: Kysely<any>;
  readonly logger: Logger;
  /** Longest pause between two probes while the database is down (default 5 s). */
  readonly maxBackoffMs?: number;
}

/**
 * Keeps a worker's handlers from burning their retry attempts while PostgreSQL is down: a handler whose work
 * failed because the database is unreachable waits here until `select 1` answers again (one probe loop shared
 * by every waiting handler, backing off exponentially), then runs its message again as the same attempt.
 * While the handlers wait, the consumers take no new work (their concurrency slots are full), so the worker
 * pauses by itself and resumes when the database is back.
 */
export class DatabaseGate {
  readonly #options: DatabaseGateOptions;
  #probing: Promise<void> | undefined;

  constructor(options: DatabaseGateOptions) {
    this.#options = options;
  }

  /**
   * Runs `work`; while it fails because the database is unavailable, waits for the database and runs it again.
   * Any other error is rethrown unchanged.
   */
  async run<T>(work: () => Promise<T>, log: Logger = this.#options.logger): Promise<T> {
    for (;;) {
      try {
        return await work();
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        log.warn(
          { err: error },
          'database unavailable; pausing until it answers, the attempt is not counted',
        );
        await this.waitUntilAvailable();
      }
    }
  }

  /** Resolves once `select 1` succeeds (after a short jittered pause, so a flapping server is not hammered). */
  waitUntilAvailable(): Promise<void> {
    this.#probing ??= this.#probe().finally(() => {
      this.#probing = undefined;
    });
    return this.#probing;
  }

  async #probe(): Promise<void> {
    const { db, logger, maxBackoffMs = 5_000 } = this.#options;
    const started = Date.now();
    let delayMs = 100;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, delayMs * (0.5 + Math.random() / 2)));
      try {
        await sql`select 1`.execute(db);
        logger.info({ pausedMs: Date.now() - started }, 'database available again; resuming');
        return;
      } catch (error) {
        if (!isDatabaseUnavailable(error)) logger.warn({ err: error }, 'database probe failed');
        delayMs = Math.min(delayMs * 2, maxBackoffMs);
      }
    }
  }
}

/** Runs `work` through `gate` when there is one ({@link DatabaseGate.run}), otherwise once as it is. */
export function throughGate<T>(
  gate: DatabaseGate | undefined,
  work: () => Promise<T>,
  log: Logger,
): Promise<T> {
  return gate === undefined ? work() : gate.run(work, log);
}
