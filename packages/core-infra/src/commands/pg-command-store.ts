// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { type AcceptedCommand, AppError, Clock, type Command, type SendOptions } from '@contextflow/core';
import type { Kysely, Transaction } from 'kysely';
import { inject, injectable } from 'tsyringe';
import { Db } from '../db/db.js';
import { appendOutbox } from '../db/append-outbox.js';
import type { PlatformTables } from '../db/platform-tables.js';
import { callerOf } from './caller-of.js';
import { messageHeaders } from './message-context.js';
import { requestHash } from './request-hash.js';

/** Options of {@link PgCommandStore.accept}: the bus's {@link SendOptions}. */
export type AcceptOptions = SendOptions;

/**
 * Durable acceptance of commands: the `platform.commands` row and its outbox message are written in one
 * transaction, so a command is either fully accepted (and will be published) or not at all.
 */
@injectable()
export class PgCommandStore {
  constructor(
    @inject(Db) private readonly db: Kysely<PlatformTables>,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  /** {@link accept} on the pooled database handle, in a transaction of its own. */
  send(command: Command, options: AcceptOptions = {}): Promise<AcceptedCommand> {
    return this.accept(this.db, command, options);
  }

  /**
   * Accepts a command as `pending` and queues it for publication. Joins `db` when it is a transaction,
   * otherwise opens one. With an idempotency key that this caller already used, returns the first command
   * (`replayed: true`) without writing when the type and payload match, and throws an `invalid` AppError
   * (`commands.idempotency_key_reused`) when they do not. Race-safe: concurrent accepts with one key write
   * one row and all return its id.
   */
  async accept(
    db: Kysely<PlatformTables>,
    command: Command,
    options: AcceptOptions = {},
  ): Promise<AcceptedCommand> {
    if (db.isTransaction) return this.#accept(db as Transaction<PlatformTables>, command, options);
    return db.transaction().execute((trx) => this.#accept(trx, command, options));
  }

  async #accept(
    trx: Transaction<PlatformTables>,
    command: Command,
    options: AcceptOptions,
  ): Promise<AcceptedCommand> {
    const { meta } = command;
    const caller = callerOf(meta.actor);
    const hash = requestHash(
      command.type,
      options.fingerprint === undefined ? command.payload : options.fingerprint,
    );
    const key = meta.idempotencyKey ?? null;
    if (key !== null) {
      const replay = await this.#replay(trx, caller, key, hash);
      if (replay !== null) return replay;
    }
    const now = this.clock.now();
    const inserted = await trx
      .insertInto('platform.commands')
      .values({
        id: meta.commandId,
        type: command.type,
        payload: JSON.stringify(command.payload ?? null),
        status: 'pending',
        result: null,
        error: null,
        caller,
        issued_by: meta.actor?.userId ?? null,
        idempotency_key: key,
        request_hash: hash,
        correlation_id: meta.correlationId,
        causation_id: meta.causationId,
        traceparent: options.traceparent ?? null,
        created_at: now,
        updated_at: now,
      })
      // A concurrent accept with the same key commits first: this insert waits for it, then does nothing.
      .onConflict((oc) =>
        oc.columns(['caller', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    if (inserted === undefined) {
      const replay = key === null ? null : await this.#replay(trx, caller, key, hash);
      if (replay !== null) return replay;
      // Only reachable under an isolation level stricter than READ COMMITTED, where the winner stays invisible.
      throw new Error('the idempotency key conflicted with a command this transaction cannot see');
    }
    const context = { correlationId: meta.correlationId, causationId: meta.causationId };
    const traceparent = options.traceparent === undefined ? {} : { traceparent: options.traceparent };
    await appendOutbox(trx, [
      {
        message_id: meta.commandId,
        kind: 'command',
        routing_key: command.type,
        body: JSON.stringify(command),
        headers: JSON.stringify(messageHeaders({ ...context, ...traceparent })),
        created_at: now,
      },
    ]);
    return { commandId: meta.commandId, replayed: false, payload: command.payload };
  }

  async #replay(
    trx: Transaction<PlatformTables>,
    caller: string,
    key: string,
    hash: string,
  ): Promise<AcceptedCommand | null> {
    const existing = await trx
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
