import type { Clock } from '@contextflow/core';
import type { Logger } from '@contextflow/core-infra';
import { CHANNELS, type NotificationListener, type PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import { BackgroundLoop } from '../timing/background-loop.js';
import { fireDueMessages, nextDueAt } from './fire-due-messages.js';

/** Options of {@link Scheduler}. */
export interface SchedulerOptions {
  readonly db: Kysely<PlatformTables>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Wakes the scheduler on `NOTIFY cf_scheduled` (a message scheduled, maybe due sooner than it sleeps). */
  readonly notifications?: NotificationListener | undefined;
  /** Messages handed over per transaction (default 500). */
  readonly batchSize?: number;
  /** Longest sleep with nothing due sooner: a safety net for a missed notification (default 30 s). */
  readonly maxSleepMs?: number;
}

// A due message another scheduler holds is not this one's: look again a little later, not at once.
const HELD_ELSEWHERE_MS = 25;

/**
 * Hands due scheduled messages to the outbox in the background. It sleeps until the next message is due, and a
 * `NOTIFY cf_scheduled` (something new was scheduled) wakes it to look again; so it never polls while nothing
 * is due. Several schedulers (one per worker) share the work through `FOR UPDATE SKIP LOCKED`, and each
 * message is handed over exactly once (see {@link fireDueMessages}).
 */
export class Scheduler {
  readonly #options: SchedulerOptions;
  readonly #loop = new BackgroundLoop(() => this.#run());

  constructor(options: SchedulerOptions) {
    this.#options = options;
  }

  /** Starts listening and firing in the background. */
  start(): Promise<void> {
    return this.#loop.start(this.#options.notifications, CHANNELS.scheduled);
  }

  /** Stops after the batch in flight is committed (or rolled back). */
  stop(): Promise<void> {
    return this.#loop.stop();
  }

  /** Hands over what is due now, batch after batch, until a batch comes back short; returns how many. */
  async fireDue(): Promise<number> {
    const { db, clock, batchSize = 500 } = this.#options;
    let total = 0;
    for (;;) {
      const fired = await fireDueMessages(db, clock.now(), batchSize);
      total += fired;
      if (fired < batchSize || this.#loop.stopped) return total;
    }
  }

  async #run(): Promise<void> {
    const { db, clock, logger, maxSleepMs = 30_000 } = this.#options;
    let backoffMs = 0;
    while (!this.#loop.stopped) {
      let sleepMs: number;
      try {
        const fired = await this.fireDue();
        if (fired > 0) logger.debug({ fired }, 'scheduled messages handed to the outbox');
        const next = await nextDueAt(db);
        const untilDue = next === undefined ? maxSleepMs : next.getTime() - clock.now().getTime() + 1;
        sleepMs = Math.min(maxSleepMs, Math.max(untilDue, fired === 0 ? HELD_ELSEWHERE_MS : 0));
        backoffMs = 0;
      } catch (error) {
        logger.warn({ err: error }, 'scheduler pass failed; will retry');
        backoffMs = Math.min(Math.max(backoffMs * 2, 200), maxSleepMs);
        sleepMs = backoffMs;
      }
      if (this.#loop.stopped) break;
      await this.#loop.signal.sleep(sleepMs, { wakeable: backoffMs === 0 });
    }
  }
}
