// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import {
  type AcceptedCommand,
  AppError,
  Clock,
  type Command,
  type SendOptions,
  unstorableTextIssues,
} from '@contextflow/core';
import { CHANNELS, Db, type PlatformTables, preparedQuery } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';
import { inject, injectable } from 'tsyringe';
import { type AcceptRow, acceptRow, acceptRows } from './accept-commands.js';

/**
 * The command row (nothing when this caller's idempotency key is taken), its outbox message (only when the
 * command row was written) and the relay's wake-up (`pg_notify`, delivered at commit): one statement.
 */
const acceptStatement = preparedQuery(
  (
    db: Kysely<PlatformTables>,
    id: string,
    type: string,
    payload: string,
    caller: string,
    issuedBy: string | null,
    idempotencyKey: string | null,
    hash: string,
    correlationId: string,
    causationId: string,
    traceparent: string | null,
    now: Date,
    body: string,
    headers: string,
  ) =>
    db
      .with('accepted', (qb) =>
        qb
          .insertInto('platform.commands')
          .values({
            id,
            type,
            payload,
            status: 'pending',
            result: null,
            error: null,
            caller,
            issued_by: issuedBy,
            idempotency_key: idempotencyKey,
            request_hash: hash,
            correlation_id: correlationId,
            causation_id: causationId,
            traceparent,
            created_at: now,
            updated_at: now,
          })
          // A concurrent accept with the same key commits first: this insert waits for it, then does nothing.
          .onConflict((oc) =>
            oc.columns(['caller', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing(),
          )
          .returning('id'),
      )
      .with('appended', (qb) =>
        qb
          .insertInto('platform.outbox')
          .columns(['message_id', 'kind', 'routing_key', 'body', 'headers', 'created_at'])
          .expression((eb) =>
            eb
              .selectFrom('accepted')
              .select([
                'accepted.id',
                sql<'command'>`'command'`.as('kind'),
                sql<string>`${type}::text`.as('routing_key'),
                sql<string>`${body}::jsonb`.as('body'),
                sql<string>`${headers}::jsonb`.as('headers'),
                sql<Date>`${now}::timestamptz`.as('created_at'),
              ]),
          )
          .returning('seq'),
      )
      .selectFrom('accepted')
      .select(['accepted.id', sql<string>`pg_notify(${CHANNELS.outbox}, '')`.as('notified')]),
);

/** Options of {@link PgCommandStore.accept}: the bus's {@link SendOptions}. */
export type AcceptOptions = SendOptions;

/** Most commands one statement of {@link PgCommandStore.send} accepts; more in one turn take several. */
const MAX_BATCH = 256;

/**
 * The event loop's next turn, as it was when this module loaded: a test that fakes the timers afterwards
 * (vitest's `useFakeTimers` fakes `setImmediate` too) must not leave its sends waiting for a turn it never gives.
 */
const nextTurn = setImmediate;

interface PendingAccept {
  readonly command: Command;
  readonly row: AcceptRow;
  readonly resolve: (accepted: AcceptedCommand) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Durable acceptance of commands: the `platform.commands` row and its outbox message are written in one
 * statement, so a command is either fully accepted (and will be published) or not at all.
 */
@injectable()
export class PgCommandStore {
  #pending: PendingAccept[] = [];

  constructor(
    @inject(Db) private readonly db: Kysely<PlatformTables>,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * {@link accept} on the pooled database handle, answered exactly as `accept` answers, but grouped: the
   * commands sent in the same turn of the event loop (the requests a busy server read together) are written
   * by one statement — one round trip and one commit for all of them, not one each. A command is answered
   * once that statement committed; a command another of the group conflicts with (the same caller and
   * idempotency key) is then answered as a replay, or refused, as it would be alone. When the statement fails,
   * each command is accepted alone, so each sender gets its own answer and no command fails another.
   */
  send(command: Command, options: AcceptOptions = {}): Promise<AcceptedCommand> {
    let row: AcceptRow;
    try {
      // Built now, in the sender's context: the outbox headers carry its trace.
      row = this.#rowOf(command, options);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.#pending.push({ command, row, resolve, reject });
      if (this.#pending.length === 1) nextTurn(() => this.#flush());
    });
  }

  #flush(): void {
    const pending = this.#pending;
    this.#pending = [];
    for (let start = 0; start < pending.length; start += MAX_BATCH) {
      void this.#acceptTogether(pending.slice(start, start + MAX_BATCH));
    }
  }

  async #acceptTogether(group: readonly PendingAccept[]): Promise<void> {
    if (group.length === 1) return this.#acceptAlone(group[0] as PendingAccept);
    let written: Set<string>;
    try {
      written = await acceptRows(
        this.db,
        group.map((one) => one.row),
      );
    } catch {
      // The statement wrote nothing for any of them: each alone now, answered with its own result or error.
      for (const one of group) this.#acceptAlone(one);
      return;
    }
    for (const one of group) {
      if (written.has(one.row.id)) one.resolve(acceptedNow(one.row, one.command));
      else this.#notWritten(this.db, one.row).then(one.resolve, one.reject);
    }
  }

  #acceptAlone(one: PendingAccept): void {
    this.#acceptRow(this.db, one.row, one.command).then(one.resolve, one.reject);
  }

  /**
   * Accepts a command as `pending` and queues it for publication: the command row, its outbox message and
   * the relay's wake-up in one statement, so outside a transaction it is atomic by itself and costs one round
   * trip (inside one, it joins it). An idempotency key counts only with an actor (anonymous: ignored, never
   * looked up or stored). With an idempotency key that this caller already used, returns the first
   * command (`replayed: true`) without writing when the type and payload match, and throws an `invalid`
   * AppError (`commands.idempotency_key_reused`) when they do not. Race-safe: concurrent accepts with one key
   * write one row and all return its id. A command holding text PostgreSQL cannot store (a NUL character, an
   * unpaired surrogate) anywhere in it is refused before anything is written: an `invalid` AppError
   * (`commands.unstorable_text`) pointing at each such string (`/payload/name`), whoever sent it.
   */
  async accept(
    db: Kysely<PlatformTables>,
    command: Command,
    options: AcceptOptions = {},
  ): Promise<AcceptedCommand> {
    return this.#acceptRow(db, this.#rowOf(command, options), command);
  }

  /** The row accepting `command` now writes; throws for text PostgreSQL cannot store. */
  #rowOf(command: Command, options: AcceptOptions): AcceptRow {
    refuseUnstorableText(command);
    return acceptRow(command, this.clock.now(), options);
  }

  async #acceptRow(db: Kysely<PlatformTables>, row: AcceptRow, command: Command): Promise<AcceptedCommand> {
    const { rows } = await acceptStatement.execute(db, ...argumentsOf(row));
    return rows.length > 0 ? acceptedNow(row, command) : this.#notWritten(db, row);
  }

  /** The key was taken: another accept with it committed first (the statement waited for it). */
  async #notWritten(db: Kysely<PlatformTables>, row: AcceptRow): Promise<AcceptedCommand> {
    const replay =
      row.idempotencyKey === null ? null : await this.#replay(db, row.caller, row.idempotencyKey, row.hash);
    if (replay !== null) return replay;
    if (row.idempotencyKey === null) throw new Error(`command ${row.id} was accepted already`);
    // Only reachable under an isolation level stricter than READ COMMITTED, where the winner stays invisible.
    throw new Error('the idempotency key conflicted with a command this transaction cannot see');
  }

  async #replay(
    db: Kysely<PlatformTables>,
    caller: string,
    key: string,
    hash: string,
  ): Promise<AcceptedCommand | null> {
    const existing = await db
      .selectFrom('platform.commands')
      .select(['id', 'request_hash', 'payload'])
      .where('caller', '=', caller)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    if (existing === undefined) return null;
    if (existing.request_hash !== hash) {
      throw AppError.invalid(
        'commands.idempotency_key_reused',
        'This Idempotency-Key was already used for a different request.',
      );
    }
    return { commandId: existing.id, replayed: true, payload: existing.payload };
  }
}

const acceptedNow = (row: AcceptRow, command: Command): AcceptedCommand => ({
  commandId: row.id,
  replayed: false,
  payload: command.payload,
});

/** The arguments of {@link acceptStatement} for `row`, in its order. */
const argumentsOf = (row: AcceptRow) =>
  [
    row.id,
    row.type,
    row.payload,
    row.caller,
    row.issuedBy,
    row.idempotencyKey,
    row.hash,
    row.correlationId,
    row.causationId,
    row.traceparent,
    row.createdAt,
    row.body,
    row.headers,
  ] as const;

/** Refuses what the command row and its outbox message (jsonb) could not hold, as invalid input. */
function refuseUnstorableText(command: Command): void {
  const issues = unstorableTextIssues(command);
  if (issues.length === 0) return;
  throw AppError.invalid(
    'commands.unstorable_text',
    'The command holds text that cannot be stored (a NUL character or an unpaired surrogate).',
    issues,
  );
}
