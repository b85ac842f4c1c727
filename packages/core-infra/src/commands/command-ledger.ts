// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { Clock } from '@contextflow/core';
import { type Kysely, sql } from 'kysely';
import { inject, injectable } from 'tsyringe';
import { CHANNELS, type PlatformTables } from '../db/platform-tables.js';
import type { ProblemDetails } from '../problem.js';
import { type CommandRecord, isTerminal } from './command-record.js';
import { toCommandRecord } from './to-command-record.js';

/** What {@link CommandLedger.begin} found. */
export interface BeginResult {
  /** False when the command is unknown or already terminal: the delivery is a duplicate, ack it and move on. */
  readonly run: boolean;
  /** The command as it stands after `begin` (`processing` when `run`), `null` when unknown. */
  readonly record: CommandRecord | null;
}

const OPEN_STATUSES = ['pending', 'processing'] as const;

/**
 * The dispatcher's side of the command life cycle, called inside the handler's transaction so the status
 * changes commit or roll back with the handler's own writes. A terminal transition notifies
 * `cf_command_done` (delivered at commit), which wakes `waitUntilDone`.
 */
@injectable()
export class CommandLedger {
  constructor(@inject(Clock) private readonly clock: Clock) {}

  /**
   * Locks the command row (`FOR UPDATE`, so concurrent deliveries of one command run one at a time) and, unless
   * it is missing or terminal, marks it `processing` and counts the attempt.
   */
  async begin(trx: Kysely<PlatformTables>, commandId: string): Promise<BeginResult> {
    const row = await trx
      .selectFrom('platform.commands')
      .selectAll()
      .where('id', '=', commandId)
      .forUpdate()
      .executeTakeFirst();
    if (row === undefined) return { run: false, record: null };
    if (isTerminal(row.status)) return { run: false, record: toCommandRecord(row) };
    const updated = await trx
      .updateTable('platform.commands')
      .set((eb) => ({ status: 'processing', attempts: eb('attempts', '+', 1), updated_at: this.clock.now() }))
      .where('id', '=', commandId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { run: true, record: toCommandRecord(updated) };
  }

  /**
   * Marks the command `succeeded` with the handler's result (`undefined` is stored as `null`). Resolves with
   * when the command was accepted (for the accept→done metric), or `undefined` when it was not open.
   */
  succeed(trx: Kysely<PlatformTables>, commandId: string, result: unknown): Promise<Date | undefined> {
    return this.#finish(trx, commandId, 'succeeded', { result: JSON.stringify(result ?? null) });
  }

  /** Marks the command `failed` with the problem that ended it; resolves as {@link succeed} does. */
  fail(trx: Kysely<PlatformTables>, commandId: string, problem: ProblemDetails): Promise<Date | undefined> {
    return this.#finish(trx, commandId, 'failed', { error: JSON.stringify(problem) });
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
    outcome: { result?: string; error?: string },
  ): Promise<Date | undefined> {
    // The update and the notification of whoever waits for the command (Prefer: wait) in one statement.
    const finished = await trx
      .with('done', (qb) =>
        qb
          .updateTable('platform.commands')
          .set({ status, ...outcome, updated_at: this.clock.now() })
          .where('id', '=', commandId)
          .where('status', 'in', OPEN_STATUSES)
          .returning('created_at'),
      )
      .selectFrom('done')
      .select([
        'done.created_at',
        sql<string>`pg_notify(${CHANNELS.commandDone}, ${commandId})`.as('notified'),
      ])
      .executeTakeFirst();
    if (finished === undefined) return undefined;
    return new Date(finished.created_at);
  }
}
