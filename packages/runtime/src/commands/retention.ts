import type { PlatformTables } from '@contextflow/core-infra/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';

/** How long the platform keeps its dedupe records, in days. */
export interface RetentionWindows {
  /** `platform.inbox` rows (event handled by a consumer), by when they were handled. */
  readonly inboxDays: number;
  /** Published `platform.outbox` rows, by when they were sent (unsent rows are never deleted). */
  readonly outboxDays: number;
  /**
   * Terminal `platform.commands` rows (status, result, idempotency key), by their last change; completed
   * `platform.processes` rows, `platform.failures` rows already retried or purged, and the operator actions'
   * `platform.command_progress` rows are kept as long.
   */
  readonly commandDays: number;
}

/** Rows deleted by one {@link purgeExpired} pass, per table. */
export interface RetentionResult {
  readonly inbox: number;
  readonly outbox: number;
  readonly commands: number;
  readonly processes: number;
  /** Failures retried or purged (a dead one stays while its dead letter may still be acted on). */
  readonly failures: number;
  readonly progress: number;
}

/** Options of {@link purgeExpired}. */
export interface PurgeOptions {
  /** Rows deleted per statement (default 1,000): each batch is its own short transaction. */
  readonly batchSize?: number;
  /** Asked between batches; a pass stops early once it answers true (shutdown). */
  readonly stopped?: () => boolean;
}

const cutoff = (days: number) => sql<Date>`now() - make_interval(days => ${days})`;

type Batch = (db: Kysely<PlatformTables>, days: number, limit: number) => Promise<number>;

// Each batch locks only the rows it deletes (`SKIP LOCKED`: two workers sweeping at once share the work).
const inboxBatch: Batch = async (db, days, limit) => {
  const result = await sql`
    delete from platform.inbox where ctid = any(array(
      select ctid from platform.inbox where handled_at < ${cutoff(days)} limit ${limit} for update skip locked
    ))`.execute(db);
  return Number(result.numAffectedRows ?? 0);
};

/**
 * A batch of the rows of `table` that `expired` selects (`key`: the columns that name a row, `order`: which go
 * first), locked with `SKIP LOCKED` and deleted in one statement.
 */
const batchOf =
  (table: string, key: string, expired: (days: number) => RawBuilder<unknown>, order?: string): Batch =>
  async (db, days, limit) => {
    const keys = sql.raw(key);
    const result = await sql`
      delete from ${sql.table(table)} where (${keys}) in (
        select ${keys} from ${sql.table(table)} where ${expired(days)}
        ${order === undefined ? sql`` : sql`order by ${sql.raw(order)}`}
        limit ${limit} for update skip locked
      )`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  };

const outboxBatch = batchOf('platform.outbox', 'seq', (days) => sql`sent_at < ${cutoff(days)}`, 'seq');
const commandsBatch = batchOf(
  'platform.commands',
  'id',
  (days) => sql`status in ('succeeded', 'failed') and updated_at < ${cutoff(days)}`,
);
const processesBatch = batchOf(
  'platform.processes',
  'process, correlation_id',
  (days) => sql`status = 'completed' and updated_at < ${cutoff(days)}`,
);
const failuresBatch = batchOf(
  'platform.failures',
  'id',
  (days) => sql`status in ('retried', 'purged') and updated_at < ${cutoff(days)}`,
);
const progressBatch = batchOf(
  'platform.command_progress',
  'command_id',
  (days) => sql`updated_at < ${cutoff(days)}`,
);

async function sweep(
  db: Kysely<PlatformTables>,
  batch: Batch,
  days: number,
  options: PurgeOptions,
): Promise<number> {
  const limit = options.batchSize ?? 1_000;
  let total = 0;
  for (;;) {
    const deleted = await batch(db, days, limit);
    total += deleted;
    if (deleted < limit || options.stopped?.() === true) return total;
  }
}

/** Deletes inbox records handled more than `days` days ago, in batches; returns how many. */
export function purgeInbox(
  db: Kysely<PlatformTables>,
  days: number,
  options: PurgeOptions = {},
): Promise<number> {
  return sweep(db, inboxBatch, days, options);
}

/**
 * Deletes the dedupe records past their window, in small batches (no long locks, no long transactions):
 * inbox rows, published outbox rows, terminal commands, completed processes, failures retried or purged and
 * the progress of operator actions. Pending outbox rows, open commands, running processes and dead failures
 * are never touched. Safe to run from several workers at once.
 */
export async function purgeExpired(
  db: Kysely<PlatformTables>,
  windows: RetentionWindows,
  options: PurgeOptions = {},
): Promise<RetentionResult> {
  const inbox = await sweep(db, inboxBatch, windows.inboxDays, options);
  const outbox = options.stopped?.() ? 0 : await sweep(db, outboxBatch, windows.outboxDays, options);
  const commands = options.stopped?.() ? 0 : await sweep(db, commandsBatch, windows.commandDays, options);
  const processes = options.stopped?.() ? 0 : await sweep(db, processesBatch, windows.commandDays, options);
  const failures = options.stopped?.() ? 0 : await sweep(db, failuresBatch, windows.commandDays, options);
  const progress = options.stopped?.() ? 0 : await sweep(db, progressBatch, windows.commandDays, options);
  return { inbox, outbox, commands, processes, failures, progress };
}
