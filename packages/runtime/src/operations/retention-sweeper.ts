import type { Logger } from '@contextflow/core-infra';
import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import { purgeExpired, type RetentionWindows } from '../commands/retention.js';
import { WakeSignal } from '../timing/wake-signal.js';

/** Options of {@link RetentionSweeper}. */
export interface RetentionSweeperOptions {
  readonly db: Kysely<PlatformTables>;
  readonly logger: Logger;
  readonly windows: RetentionWindows;
  /** Time between two passes (default one hour); the first pass runs at start. */
  readonly intervalMs?: number;
  /** Rows per delete (default 1,000). */
  readonly batchSize?: number;
}

/**
 * Runs {@link purgeExpired} at start and then every `intervalMs` in the background of a worker. A failed pass
 * (database down) is logged and tried again at the next interval; `stop` ends the pass after its batch.
 */
export class RetentionSweeper {
  readonly #options: RetentionSweeperOptions;
  readonly #signal = new WakeSignal();
  #loop: Promise<void> | undefined;
  #stopped = true;

  constructor(options: RetentionSweeperOptions) {
    this.#options = options;
  }

  /** Starts sweeping in the background; a second call does nothing. */
  start(): void {
    if (this.#loop !== undefined) return;
    this.#stopped = false;
    this.#loop = this.#run();
  }

  /** Stops after the batch in flight. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#signal.interrupt();
    await this.#loop;
    this.#loop = undefined;
  }

  async #run(): Promise<void> {
    const { db, logger, windows, intervalMs = 3_600_000, batchSize } = this.#options;
    while (!this.#stopped) {
      try {
        const deleted = await purgeExpired(db, windows, {
          ...(batchSize === undefined ? {} : { batchSize }),
          stopped: () => this.#stopped,
        });
        logger.info({ deleted, windows }, 'expired dedupe records purged');
      } catch (error) {
        logger.warn({ err: error }, 'retention pass failed; trying again at the next interval');
      }
      if (!this.#stopped) await this.#signal.sleep(intervalMs, { wakeable: false });
    }
  }
}
