import type { Command, SendOptions } from '@contextflow/core';
import { CHANNELS, type PlatformTables } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';
import { callerOf } from './caller-of.js';
import { messageHeaders } from './message-context.js';
import { requestHash } from './request-hash.js';

/** A command as its `platform.commands` row and outbox message store it: see {@link acceptRow}. */
export interface AcceptRow {
  readonly id: string;
  readonly type: string;
  /** JSON text. */
  readonly payload: string;
  readonly caller: string;
  readonly issuedBy: string | null;
  readonly idempotencyKey: string | null;
  readonly hash: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly traceparent: string | null;
  readonly createdAt: Date;
  /** The outbox message's body and headers, JSON text. */
  readonly body: string;
  readonly headers: string;
}

/**
 * What accepting `command` at `now` writes. An idempotency key counts only with an actor (anonymous: ignored,
 * never looked up or stored): a key shared by every anonymous caller would hand one caller another's command.
 * The request hash is of the payload, or of `options.fingerprint` when given. The outbox headers carry the
 * correlation, the causation and the trace (`options.traceparent`, else the current telemetry context's),
 * so build the row in the sender's context.
 */
export function acceptRow(
  command: Command,
  now: Date,
  options: Pick<SendOptions, 'fingerprint' | 'traceparent'> = {},
): AcceptRow {
  const { meta } = command;
  const traceparent = options.traceparent ?? null;
  const context = { correlationId: meta.correlationId, causationId: meta.causationId };
  return {
    id: meta.commandId,
    type: command.type,
    payload: JSON.stringify(command.payload ?? null),
    caller: callerOf(meta.actor),
    issuedBy: meta.actor?.userId ?? null,
    idempotencyKey: meta.actor == null ? null : (meta.idempotencyKey ?? null),
    hash: requestHash(
      command.type,
      options.fingerprint === undefined ? command.payload : options.fingerprint,
    ),
    correlationId: meta.correlationId,
    causationId: meta.causationId,
    traceparent,
    createdAt: now,
    body: JSON.stringify(command),
    headers: JSON.stringify(messageHeaders(traceparent === null ? context : { ...context, traceparent })),
  };
}

/**
 * Accepts many commands in one statement whatever their number (its text never changes, so it is a named
 * statement like the single accept): each command row (`pending`), the outbox message of each row written, and
 * the relay's wake-up. A row whose id exists already, or whose caller already used its idempotency key
 * (within the same call too), is left out: nothing is written for it. Returns the ids written.
 */
export async function acceptRows(
  db: Kysely<PlatformTables>,
  rows: readonly AcceptRow[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const column = <T>(pick: (row: AcceptRow) => T): T[] => rows.map(pick);
  const { rows: written } = await sql<{ id: string }>`
    with given as (
      select * from unnest(
        ${column((r) => r.id)}::uuid[], ${column((r) => r.type)}::text[], ${column((r) => r.payload)}::jsonb[],
        ${column((r) => r.caller)}::text[], ${column((r) => r.issuedBy)}::text[],
        ${column((r) => r.idempotencyKey)}::text[], ${column((r) => r.hash)}::text[],
        ${column((r) => r.correlationId)}::text[], ${column((r) => r.causationId)}::text[],
        ${column((r) => r.traceparent)}::text[], ${column((r) => r.createdAt)}::timestamptz[],
        ${column((r) => r.body)}::jsonb[], ${column((r) => r.headers)}::jsonb[]
      ) as t(id, type, payload, caller, issued_by, idempotency_key, request_hash, correlation_id, causation_id,
        traceparent, created_at, body, headers)
    ),
    accepted as (
      insert into platform.commands (id, type, payload, status, caller, issued_by, idempotency_key, request_hash,
        correlation_id, causation_id, traceparent, created_at, updated_at)
      select id, type, payload, 'pending', caller, issued_by, idempotency_key, request_hash, correlation_id,
        causation_id, traceparent, created_at, created_at from given
      on conflict do nothing
      returning id
    ),
    appended as (
      insert into platform.outbox (message_id, kind, routing_key, body, headers, created_at)
      select g.id, 'command', g.type, g.body, g.headers, g.created_at from given g join accepted a on a.id = g.id
      returning seq
    )
    select id, (select pg_notify(${CHANNELS.outbox}, '') from (select 1 from appended limit 1) as n) as notified
    from accepted`.execute(db);
  return new Set(written.map((row) => row.id));
}

/**
 * {@link acceptRows} for commands the platform itself issues (the scheduler's), where nobody waits for a
 * replay's answer; returns the ids accepted.
 */
export async function acceptCommands(
  db: Kysely<PlatformTables>,
  commands: readonly Command[],
  now: Date,
): Promise<string[]> {
  return [
    ...(await acceptRows(
      db,
      commands.map((command) => acceptRow(command, now)),
    )),
  ];
}
