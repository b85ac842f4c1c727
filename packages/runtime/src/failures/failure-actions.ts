import type { FailureFilter } from '@contextflow/core-infra';
import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import type { DeadLetter, DeadLetterResult, DeadLetterStore } from '../messaging/dead-letter-store.js';
import type { Topology } from '../messaging/topology.js';
import { deadCommandRedriveHook } from '../operations/dead-command-redrive.js';
import { failureQuery } from './failure-query.js';
import { pacer } from './pacer.js';

/** How far an action got: messages done, left as they were (not found, refused), and in all. */
export interface ActionProgress {
  readonly done: number;
  readonly failed: number;
  readonly total: number;
}

/** Options of a redrive or a purge. */
export interface ActionOptions {
  /** Messages per second at most (a redrive); absent → as fast as the broker confirms. */
  readonly ratePerSecond?: number | undefined;
  /** Called after each message, and once at the start. */
  readonly onProgress?: ((progress: ActionProgress) => Promise<void> | void) | undefined;
}

/** Which dead letters, as the CLI names them: message ids (or all) in one queue (or every one). */
export interface LetterSelection {
  readonly ids?: readonly string[] | undefined;
  readonly queue?: string | undefined;
}

/** Failures selected at most by one action: a larger group is retried in several. */
export const MAX_ACTION_SIZE = 100_000;

/**
 * The operator actions on failures, one code path for the admin API (run by the worker as commands) and the
 * CLI's `dead-letters redrive|purge`. The dead-letter queues are the source of truth: a retry publishes what a
 * dead-letter queue holds (and reopens a command that failed because it was dead-lettered), and marks the
 * failure `retried`; a purge deletes the dead letters and marks them `purged`. A failure selected by a filter
 * but no longer in its queue is counted as failed and left `dead`.
 */
export class FailureActions {
  readonly #workQueueOf: ReadonlyMap<string, string>;

  constructor(
    readonly db: Kysely<PlatformTables>,
    readonly store: DeadLetterStore,
    readonly topology: Topology,
  ) {
    const work = [...topology.commandQueues.values(), ...topology.eventQueues.values()];
    this.#workQueueOf = new Map(work.map((queue) => [queue.deadLetterQueue, queue.declaration.queue]));
  }

  /** Retries the dead failures `filter` selects, at most `ratePerSecond` messages a second. */
  async retryFailures(filter: FailureFilter, options: ActionOptions = {}): Promise<DeadLetterResult> {
    const byQueue = await this.#selected(filter);
    const total = [...byQueue.values()].reduce((sum, ids) => sum + ids.length, 0);
    const counter = progressCounter(total, options);
    await counter.start();
    const pace = pacer(options.ratePerSecond);
    const results: DeadLetterResult[] = [];
    for (const [queue, ids] of byQueue) {
      const result = await this.#redrive({ ids, queue }, pace, counter.step);
      await counter.fail(result.missing.length + result.failed.length);
      results.push(result);
    }
    return merged(results);
  }

  /** Deletes the dead failures `filter` selects from their dead-letter queues. */
  async purgeFailures(filter: FailureFilter, options: ActionOptions = {}): Promise<DeadLetterResult> {
    const byQueue = await this.#selected(filter);
    const total = [...byQueue.values()].reduce((sum, ids) => sum + ids.length, 0);
    const counter = progressCounter(total, options);
    await counter.start();
    const results: DeadLetterResult[] = [];
    for (const [queue, ids] of byQueue) {
      const result = await this.purge({ ids, queue });
      await counter.add(result.done, result.missing.length + result.failed.length);
      results.push(result);
    }
    return merged(results);
  }

  /** Redrives dead letters by message id (or all) from one queue (or every one): the CLI's `redrive`. */
  redrive(
    selection: LetterSelection,
    onProgress?: (done: number, total: number) => void,
  ): Promise<DeadLetterResult> {
    return this.#redrive(selection, pacer(undefined), () => Promise.resolve(), onProgress);
  }

  /** Closes the dead-letter store. */
  close(): Promise<void> {
    return this.store.close();
  }

  /** Purges dead letters by message id (or all) from one queue (or every one), and marks them `purged`. */
  async purge(
    selection: LetterSelection,
    onProgress?: (done: number, total: number) => void,
  ): Promise<DeadLetterResult> {
    const result = await this.store.purge({ ...selection, onProgress });
    const queues =
      selection.queue === undefined ? [...this.#workQueueOf.values()] : [this.#workQueue(selection.queue)];
    let update = this.db
      .updateTable('platform.failures')
      .set({ status: 'purged', updated_at: new Date() })
      .where('status', '=', 'dead')
      .where('queue', 'in', queues);
    if (selection.ids !== undefined) {
      const missing = new Set(result.missing);
      const purged = selection.ids.filter((id) => !missing.has(id));
      if (purged.length === 0) return result;
      update = update.where('message_id', 'in', purged);
    }
    await update.execute();
    return result;
  }

  /** The dead failures a filter selects, as message ids by work queue. */
  async #selected(filter: FailureFilter): Promise<Map<string, string[]>> {
    const rows = await failureQuery(this.db, filter)
      .select(['queue', 'message_id'])
      .orderBy('id')
      .limit(MAX_ACTION_SIZE)
      .execute();
    const byQueue = new Map<string, string[]>();
    for (const row of rows) addTo(byQueue, row.queue, row.message_id);
    return byQueue;
  }

  #redrive(
    selection: LetterSelection,
    pace: () => Promise<void>,
    step: () => Promise<void>,
    onProgress?: (done: number, total: number) => void,
  ) {
    // The store runs several hooks at once; the redrive hook commits the copies confirmed meanwhile together,
    // and marks their failures retried in the same transaction.
    const redrive = deadCommandRedriveHook(this.db, this.topology, {
      confirmed: (trx, letters) => this.#markRetried(trx, letters),
    });
    return this.store.redrive({
      ...selection,
      onProgress,
      hook: async (letter, publish) => {
        await pace();
        await redrive(letter, publish);
        await step();
      },
    });
  }

  async #markRetried(trx: Kysely<PlatformTables>, letters: readonly DeadLetter[]): Promise<void> {
    const idsByQueue = new Map<string, string[]>();
    for (const letter of letters) {
      const queue = this.#workQueueOf.get(letter.deadLetterQueue);
      if (queue !== undefined && letter.messageId !== undefined) addTo(idsByQueue, queue, letter.messageId);
    }
    for (const [queue, ids] of idsByQueue) {
      await trx
        .updateTable('platform.failures')
        .set({ status: 'retried', updated_at: new Date() })
        .where('queue', '=', queue)
        .where('message_id', 'in', ids)
        .where('status', '=', 'dead')
        .execute();
    }
  }

  /** The work queue a name stands for (a work queue or its dead-letter queue). */
  #workQueue(name: string): string {
    return this.#workQueueOf.get(name) ?? name;
  }
}

/** Adds `id` to the list `byQueue` holds for `queue`. */
function addTo(byQueue: Map<string, string[]>, queue: string, id: string): void {
  const ids = byQueue.get(queue);
  if (ids === undefined) byQueue.set(queue, [id]);
  else ids.push(id);
}

function merged(results: readonly DeadLetterResult[]): DeadLetterResult {
  return {
    done: results.reduce((sum, result) => sum + result.done, 0),
    missing: results.flatMap((result) => result.missing),
    failed: results.flatMap((result) => result.failed),
  };
}

function progressCounter(total: number, options: ActionOptions) {
  let done = 0;
  let failed = 0;
  const report = async () => {
    await options.onProgress?.({ done, failed, total: Math.max(total, done + failed) });
  };
  return {
    start: report,
    step: async () => {
      done += 1;
      await report();
    },
    fail: async (count: number) => {
      if (count === 0) return;
      failed += count;
      await report();
    },
    add: async (doneCount: number, failedCount: number) => {
      done += doneCount;
      failed += failedCount;
      await report();
    },
  };
}
