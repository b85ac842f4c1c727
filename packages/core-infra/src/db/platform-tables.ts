import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

/** `platform.commands`: every accepted command and where it stands. */
export interface CommandsTable {
  id: string;
  type: string;
  /** The command's payload (jsonb). */
  payload: Json;
  status: 'pending' | 'processing' | 'succeeded' | 'failed';
  result: ColumnType<unknown, string | null, string | null>;
  error: ColumnType<unknown, string | null, string | null>;
  /** `user:<id>` or `anonymous`; with `idempotency_key` unique when the key is present. */
  caller: string;
  issued_by: string | null;
  idempotency_key: string | null;
  /** sha256 of type + canonical payload, to tell a replay from a different body under the same key. */
  request_hash: string;
  correlation_id: string;
  causation_id: string;
  /** W3C traceparent of the request that issued it, when there was one. */
  traceparent: string | null;
  /** Deliveries that reached the handler. */
  attempts: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** `platform.outbox`: messages written in the same transaction as their cause, published by the relay. */
export interface OutboxTable {
  /** Publication order. */
  seq: Generated<string>;
  /** Message id on the broker (command id or event id); consumers deduplicate on it. */
  message_id: string;
  /** `command` or `event`: which exchange it goes to. */
  kind: 'command' | 'event';
  /** Command type or event routing key (`users.rename-user`, `users.user-renamed.v1`). */
  routing_key: string;
  /** The full message body as JSON. */
  body: Json;
  /** String headers carried to the broker (correlation id, causation id, traceparent). */
  headers: Json;
  created_at: Timestamp;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  publish_attempts: Generated<number>;
}

/** `platform.inbox`: one row per (consumer, message) handled, written in the handler's transaction. */
export interface InboxTable {
  consumer: string;
  message_id: string;
  handled_at: Timestamp;
}

/** `platform.scheduled_messages`: commands and events waiting for their time, written in their cause's transaction. */
export interface ScheduledMessagesTable {
  /** Chosen by who scheduled it; scheduling under a pending key replaces the message. */
  key: string;
  /** The outbox message id it gets when due (command id or event id). */
  message_id: string;
  kind: 'command' | 'event';
  /** Command type or event routing key. */
  message_type: string;
  /** The whole command or event as JSON. */
  body: Json;
  /** Outbox headers of an event (correlation, causation, traceparent). */
  headers: Json;
  due_at: Timestamp;
  created_at: Timestamp;
}

/** `platform.processes`: one row per process instance, its state and version (optimistic concurrency). */
export interface ProcessesTable {
  /** The process's name, `<context>.<process>`. */
  process: string;
  correlation_id: string;
  status: 'running' | 'completed';
  state: Json;
  version: number;
  started_at: Timestamp;
  updated_at: Timestamp;
}

/** Where a recorded failure stands: `dead` in its dead-letter queue, `retried` (sent back), `purged`. */
export type FailureStatus = 'dead' | 'retried' | 'purged';

/**
 * `platform.failures`: one row per dead-lettered message and work queue, what operators query. The queue stays
 * the source of truth for redelivery; a message that dies again updates its row.
 */
export interface FailuresTable {
  /** Keyset paging order (with `last_failed_at`). */
  id: Generated<string>;
  /** The work queue it died in (`users.commands`). */
  queue: string;
  /** The command or event id; a generated `none:<uuid>` for a message published without one. */
  message_id: string;
  type: string;
  /** Its headers, secrets redacted. */
  headers: Json;
  /** Its body (JSON, or `{ "text": ... }` when not JSON), secrets redacted. */
  payload: Json;
  /** Why: `poison`, `retries_exhausted`, `delivery_limit`, `expired`, `maxlen`, `rejected`. */
  reason: string;
  /** The last problem (`code`, `title`, `detail`), when one is known. */
  problem: ColumnType<unknown, string | null, string | null>;
  /** `problem.code`, or `''`: part of the fingerprint. */
  error_code: string;
  /** Attempts the last death took. */
  attempts: number;
  trace_id: string | null;
  /** Groups alike failures: a hash of type, error code and reason. */
  fingerprint: string;
  /** How often it was dead-lettered. */
  deaths: Generated<number>;
  status: ColumnType<FailureStatus, FailureStatus | undefined, FailureStatus>;
  first_failed_at: Timestamp;
  last_failed_at: Timestamp;
  updated_at: Timestamp;
}

/** `platform.command_progress`: how far a long-running (operator) command got, written outside its unit of work. */
export interface CommandProgressTable {
  command_id: string;
  done: number;
  total: number;
  failed: number;
  updated_at: Timestamp;
}

/** The tables of the `platform` schema, as Kysely sees them (`platform.commands`, ...). */
export interface PlatformTables {
  'platform.commands': CommandsTable;
  'platform.outbox': OutboxTable;
  'platform.inbox': InboxTable;
  'platform.scheduled_messages': ScheduledMessagesTable;
  'platform.processes': ProcessesTable;
  'platform.failures': FailuresTable;
  'platform.command_progress': CommandProgressTable;
}

/**
 * Notification channels: `cf_outbox` (payload: nothing) when outbox rows are written; `cf_command_done`
 * (payload: command id) when a command turns terminal; `cf_scheduled` (payload: nothing) when a message is
 * scheduled.
 */
export const CHANNELS = Object.freeze({
  outbox: 'cf_outbox',
  commandDone: 'cf_command_done',
  scheduled: 'cf_scheduled',
});
