// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { Clock } from '@contextflow/core';
import { type CommandRecord, isTerminal, type ProblemDetails } from '@contextflow/core-infra';
import { CHANNELS, type OutboxTable, type PlatformTables, preparedQuery } from '@contextflow/core-infra/db';
import { type Insertable, type Kysely, type QueryCreator, sql } from 'kysely';
import { inject, injectable } from 'tsyringe';
import {
  OUTBOX_COLUMN_COUNT,
  type OutboxColumns,
  outboxColumns,
  outboxRowsFrom,
} from '../database/append-outbox.js';
import { toCommandRecord } from './to-command-record.js';

/** What {@link CommandLedger.begin} found. */
export interface BeginResult {
  /** False when the command is unknown or already terminal: the delivery is a duplicate, ack it and move on. */
  readonly run: boolean;
  /** The command as it stands after `begin` (`processing` when `run`), `null` when unknown. */
  readonly record: CommandRecord | null;
}

const OPEN_STATUSES = ['pending', 'processing'] as const;
const RECORD_COLUMNS = [
  'id',
  'type',
  'status',
  'result',
  'error',
  'issued_by',
  'created_at',
  'updated_at',
] as const;

/** An open command moved to `processing`, its attempt counted; no row when it is unknown or terminal. */
const startProcessing = preparedQuery((db: Kysely<PlatformTables>, id: string, now: Date) =>
  db
    .updateTable('platform.commands')
    .set((eb) => ({ status: 'processing', attempts: eb('attempts', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('status', 'in', OPEN_STATUSES)
    .returning(RECORD_COLUMNS),
);

/** The command's latest committed row, locked: waits for a transaction that holds it (a redrive's reopen). */
const lockedCommandById = preparedQuery((db: Kysely<PlatformTables>, id: string) =>
  db.selectFrom('platform.commands').select(RECORD_COLUMNS).where('id', '=', id).forUpdate(),
);

/** The UPDATE that makes an open command terminal with its outcome in `column`; returns its `created_at`. */
const closeOpen = (
  qb: QueryCreator<PlatformTables>,
  id: string,
  status: 'succeeded' | 'failed',
  column: 'result' | 'error',
  outcome: string,
  now: Date,
) =>
  qb
    .updateTable('platform.commands')
    .set({ status, [column]: outcome, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', OPEN_STATUSES)
    .returning('created_at');

/** What a finish statement answers: when the command was accepted, and whoever waits for it notified. */
const notifiedDone = (id: string) =>
  ['done.created_at', sql<string>`pg_notify(${CHANNELS.commandDone}, ${id}::text)`.as('notified')] as const;

/**
 * An open command made terminal with its outcome in `column`, and whoever waits for it (Prefer: wait)
 * notified, in one statement; no row when it was not open.
 */
const finishWith = (column: 'result' | 'error') =>
  preparedQuery(
    (db: Kysely<PlatformTables>, id: string, status: 'succeeded' | 'failed', outcome: string, now: Date) =>
      db
        .with('done', (qb) => closeOpen(qb, id, status, column, outcome, now))
        .selectFrom('done')
        .select(notifiedDone(id)),
  );
const finishes = { result: finishWith('result'), error: finishWith('error') };

/**
 * As `finishes.result`, and the outbox rows the handler recorded inserted with it (only if the command was
 * open), the relay woken: one statement instead of two.
 */
const succeedWithOutbox = preparedQuery(
  (db: Kysely<PlatformTables>, id: string, result: string, now: Date, ...outbox: OutboxColumns) =>
    db
      .with('done', (qb) => closeOpen(qb, id, 'succeeded', 'result', result, now))
      .with('appended', (qb) => outboxRowsFrom(qb, outbox, sql<boolean>`exists (select 1 from done)`))
      .selectFrom('done')
      .select([
        ...notifiedDone(id),
        sql<string>`(select pg_notify(${CHANNELS.outbox}, '') from appended limit 1)`.as('relayWoken'),
      ]),
  3 + OUTBOX_COLUMN_COUNT,
);

/**
 * The dispatcher's side of the command life cycle, called inside the handler's transaction so the status
 * changes commit or roll back with the handler's own writes. A terminal transition notifies
 * `cf_command_done` (delivered at commit), which wakes `waitUntilDone`.
 */
@injectable()
export class CommandLedger {
  constructor(@inject(Clock) private readonly clock: Clock) {}

  /**
   * Moves the command to `processing` and counts the attempt, unless it is missing or terminal. Usually one
   * UPDATE, whose row lock (held to the end of the transaction) makes concurrent deliveries of one command run
   * one at a time; a delivery that waited finds the command terminal and does not run.
   *
   * The UPDATE filters on the status its snapshot sees, and skips a row that does not match without waiting
   * for the row's lock. So when it finds nothing, the row is read again under `FOR UPDATE`, which waits for a
   * transaction holding it and sees what that one committed: a redrive reopens a dead command (`failed` to
   * `pending`) and publishes the copy in one transaction, and the copy may be delivered before it commits.
   */
  async begin(trx: Kysely<PlatformTables>, commandId: string): Promise<BeginResult> {
    const now = this.clock.now();
    const [updated] = (await startProcessing.execute(trx, commandId, now)).rows;
    if (updated !== undefined) return { run: true, record: toCommandRecord(updated) };
    const [row] = (await lockedCommandById.execute(trx, commandId)).rows;
    if (row === undefined) return { run: false, record: null };
    if (isTerminal(row.status)) return { run: false, record: toCommandRecord(row) };
    const [started] = (await startProcessing.execute(trx, commandId, now)).rows;
    if (started === undefined) throw new Error(`command ${commandId} is locked and open, yet did not start`);
    return { run: true, record: toCommandRecord(started) };
  }

  /**
   * Marks the command `succeeded` with the handler's result (`undefined` is stored as `null`) and appends
   * `outbox`, the rows its handler recorded (see `BufferedOutboxWriter`), in the same statement. Resolves with
   * when the command was accepted (for the accept→done metric), or `undefined` when it was not open (then
   * nothing is appended either).
   */
  async succeed(
    trx: Kysely<PlatformTables>,
    commandId: string,
    result: unknown,
    outbox: readonly Insertable<OutboxTable>[] = [],
  ): Promise<Date | undefined> {
    const outcome = JSON.stringify(result ?? null);
    if (outbox.length === 0) return this.#finish(trx, commandId, 'succeeded', 'result', outcome);
    const now = this.clock.now();
    const { rows } = await succeedWithOutbox.execute(trx, commandId, outcome, now, ...outboxColumns(outbox));
    return rows[0] === undefined ? undefined : new Date(rows[0].created_at);
  }

  /** Marks the command `failed` with the problem that ended it; resolves as {@link succeed} does. */
  fail(trx: Kysely<PlatformTables>, commandId: string, problem: ProblemDetails): Promise<Date | undefined> {
    return this.#finish(trx, commandId, 'failed', 'error', JSON.stringify(problem));
  }

  /**
   * Marks the command `failed` outside any handler transaction (its message was dead-lettered); does nothing
   * when the command is unknown or already terminal.
   */
  async failOutsideHandler(
    db: Kysely<PlatformTables>,
    commandId: string,
    problem: ProblemDetails,
  ): Promise<Date | undefined> {
    if (db.isTransaction) return this.fail(db, commandId, problem);
    return db.transaction().execute((trx) => this.fail(trx, commandId, problem));
  }

  async #finish(
    trx: Kysely<PlatformTables>,
    commandId: string,
    status: 'succeeded' | 'failed',
    column: 'result' | 'error',
    outcome: string,
  ): Promise<Date | undefined> {
    const finish = finishes[column];
    const [finished] = (await finish.execute(trx, commandId, status, outcome, this.clock.now())).rows;
    return finished === undefined ? undefined : new Date(finished.created_at);
  }
}
