import type { PlatformTables } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';

/** Scheduled messages due and not yet handed to the outbox. */
export interface DueBacklog {
  readonly due: number;
  /** How late the oldest of them is, in seconds (0 when none is due). */
  readonly oldestLagSeconds: number;
}

/** A scheduled message as an operator sees it. */
export interface ScheduledMessageView {
  readonly key: string;
  readonly kind: 'command' | 'event';
  readonly messageType: string;
  readonly messageId: string;
  readonly dueAt: Date;
  readonly scheduledAt: Date;
}

/** A process instance as an operator sees it. */
export interface ProcessView {
  readonly process: string;
  readonly correlationId: string;
  readonly status: 'running' | 'completed';
  readonly version: number;
  readonly state: unknown;
  readonly startedAt: Date;
  readonly updatedAt: Date;
}

/** How many scheduled messages are due and not handed over, and the lag of the oldest (the due-time index). */
export async function readDueBacklog(db: Kysely<PlatformTables>): Promise<DueBacklog> {
  const { rows } = await sql<{ due: string; lag: string | null }>`
    select count(*) as due, extract(epoch from now() - min(due_at)) as lag
    from platform.scheduled_messages where due_at <= now()`.execute(db);
  const row = rows[0];
  return { due: Number(row?.due ?? 0), oldestLagSeconds: Math.max(0, Number(row?.lag ?? 0)) };
}

/** The scheduled messages, soonest due first, at most `limit`. */
export async function listScheduledMessages(
  db: Kysely<PlatformTables>,
  limit: number,
): Promise<ScheduledMessageView[]> {
  const rows = await db
    .selectFrom('platform.scheduled_messages')
    .select(['key', 'kind', 'message_type', 'message_id', 'due_at', 'created_at'])
    .orderBy('due_at')
    .orderBy('key')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    key: row.key,
    kind: row.kind,
    messageType: row.message_type,
    messageId: row.message_id,
    dueAt: new Date(row.due_at),
    scheduledAt: new Date(row.created_at),
  }));
}

/** Cancels the message scheduled under `key`; false when none is (never scheduled, fired or cancelled). */
export async function cancelScheduledMessage(db: Kysely<PlatformTables>, key: string): Promise<boolean> {
  const deleted = await db
    .deleteFrom('platform.scheduled_messages')
    .where('key', '=', key)
    .returning('key')
    .executeTakeFirst();
  return deleted !== undefined;
}

const toProcessView = (row: {
  process: string;
  correlation_id: string;
  status: 'running' | 'completed';
  version: number;
  state: unknown;
  started_at: Date;
  updated_at: Date;
}): ProcessView => ({
  process: row.process,
  correlationId: row.correlation_id,
  status: row.status,
  version: row.version,
  state: row.state,
  startedAt: new Date(row.started_at),
  updatedAt: new Date(row.updated_at),
});

const processColumns = [
  'process',
  'correlation_id',
  'status',
  'version',
  'state',
  'started_at',
  'updated_at',
] as const;

/** Process instances, most recently changed first, at most `limit`; only running ones unless `all`. */
export async function listProcesses(
  db: Kysely<PlatformTables>,
  options: { readonly limit: number; readonly all?: boolean },
): Promise<ProcessView[]> {
  let query = db.selectFrom('platform.processes').select(processColumns);
  if (options.all !== true) query = query.where('status', '=', 'running');
  const rows = await query.orderBy('updated_at', 'desc').limit(options.limit).execute();
  return rows.map(toProcessView);
}

/** Every process instance with this correlation id (one per process that has it); empty when none. */
export async function findProcesses(
  db: Kysely<PlatformTables>,
  correlationId: string,
): Promise<ProcessView[]> {
  const rows = await db
    .selectFrom('platform.processes')
    .select(processColumns)
    .where('correlation_id', '=', correlationId)
    .orderBy('process')
    .execute();
  return rows.map(toProcessView);
}

/** Running process instances per process. */
export async function countRunningProcesses(
  db: Kysely<PlatformTables>,
): Promise<{ readonly process: string; readonly running: number }[]> {
  const { rows } = await sql<{ process: string; running: string }>`
    select process, count(*) as running from platform.processes where status = 'running'
    group by process order by process`.execute(db);
  return rows.map((row) => ({ process: row.process, running: Number(row.running) }));
}
