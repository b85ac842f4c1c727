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
import { callerOf } from './caller-of.js';
import { messageHeaders } from './message-context.js';
import { requestHash } from './request-hash.js';

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

/**
 * Durable acceptance of commands: the `platform.commands` row and its outbox message are written in one
 * statement, so a command is either fully accepted (and will be published) or not at all.
 */
@injectable()
export class PgCommandStore {
  constructor(
    @inject(Db) private readonly db: Kysely<PlatformTables>,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  /** {@link accept} on the pooled database handle, atomic on its own (one statement). */
  send(command: Command, options: AcceptOptions = {}): Promise<AcceptedCommand> {
    return this.accept(this.db, command, options);
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
    refuseUnstorableText(command);
    const { meta } = command;
    const caller = callerOf(meta.actor);
    const hash = requestHash(
      command.type,
      options.fingerprint === undefined ? command.payload : options.fingerprint,
    );
    // Without a caller there is no scope to keep a key in: one shared by every anonymous caller would hand one
    // caller another's command (and let one squat a key another will send). Such a key is ignored.
    const key = meta.actor == null ? null : (meta.idempotencyKey ?? null);
    const context = { correlationId: meta.correlationId, causationId: meta.causationId };
    const traceparent = options.traceparent ?? null;
    const { rows } = await acceptStatement.execute(
      db,
      meta.commandId,
      command.type,
      JSON.stringify(command.payload ?? null),
      caller,
      meta.actor?.userId ?? null,
      key,
      hash,
      meta.correlationId,
      meta.causationId,
      traceparent,
      this.clock.now(),
      JSON.stringify(command),
      JSON.stringify(messageHeaders(traceparent === null ? context : { ...context, traceparent })),
    );
    if (rows.length > 0) return { commandId: meta.commandId, replayed: false, payload: command.payload };
    // The key was taken: a concurrent accept with it committed first (this statement waited for it).
    const replay = key === null ? null : await this.#replay(db, caller, key, hash);
    if (replay !== null) return replay;
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
