// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { AppError } from '@contextflow/core';
import {
  type FailureDetail,
  type FailureFilter,
  type FailureGroup,
  type FailurePage,
  type FailureProblemView,
  type FailureReader,
  type FailureSummary,
  isFailureId,
  type QueueFailures,
} from '@contextflow/core-infra';
import { Db, type FailuresTable, type PlatformTables } from '@contextflow/core-infra/db';
import { type Kysely, type Selectable, sql } from 'kysely';
import { inject, injectable } from 'tsyringe';
import { timestampText } from '../database/timestamp-text.js';
import { failureQuery } from './failure-query.js';

const SUMMARY_COLUMNS = [
  'id',
  'queue',
  'message_id',
  'type',
  'reason',
  'problem',
  'attempts',
  'deaths',
  'fingerprint',
  'status',
  'trace_id',
  'first_failed_at',
  'last_failed_at',
] as const;

type SummaryRow = Pick<Selectable<FailuresTable>, (typeof SUMMARY_COLUMNS)[number]>;

/** A row as lists show it. */
export function toFailureSummary(row: SummaryRow): FailureSummary {
  return {
    id: row.id,
    queue: row.queue,
    messageId: row.message_id,
    type: row.type,
    reason: row.reason,
    problem: (row.problem ?? null) as FailureProblemView | null,
    attempts: row.attempts,
    deaths: row.deaths,
    fingerprint: row.fingerprint,
    status: row.status,
    traceId: row.trace_id,
    firstFailedAt: timestampText(row.first_failed_at),
    lastFailedAt: timestampText(row.last_failed_at),
  };
}

const invalidCursor = () =>
  AppError.invalid('failures.invalid_cursor', 'The cursor is not one this API gave.');

/** {@link FailureReader} over `platform.failures`. */
@injectable()
export class PgFailureReader implements FailureReader {
  constructor(@inject(Db) private readonly db: Kysely<PlatformTables>) {}

  async groups(): Promise<FailureGroup[]> {
    const groups = await this.db
      .selectFrom('platform.failures')
      .where('status', '=', 'dead')
      .groupBy(['fingerprint', 'type', 'error_code', 'reason'])
      .select((eb) => [
        'fingerprint',
        'type',
        'error_code',
        'reason',
        eb.fn.countAll<string>().as('count'),
        eb.fn.min('first_failed_at').as('first_seen'),
        eb.fn.max('last_failed_at').as('last_seen'),
        sql<string[]>`array_agg(distinct queue order by queue)`.as('queues'),
        eb.fn.max('id').as('sample_id'),
      ])
      .orderBy('count', 'desc')
      .orderBy('last_seen', 'desc')
      .limit(100)
      .execute();
    if (groups.length === 0) return [];
    const samples = await this.db
      .selectFrom('platform.failures')
      .select(SUMMARY_COLUMNS)
      .where(
        'id',
        'in',
        groups.map((group) => group.sample_id),
      )
      .execute();
    const byId = new Map(samples.map((row) => [row.id, toFailureSummary(row)]));
    return groups.flatMap((group) => {
      const sample = byId.get(group.sample_id);
      if (sample === undefined) return [];
      return [
        {
          fingerprint: group.fingerprint,
          type: group.type,
          errorCode: group.error_code,
          reason: group.reason,
          queues: group.queues,
          count: Number(group.count),
          firstSeen: timestampText(group.first_seen),
          lastSeen: timestampText(group.last_seen),
          sample,
        },
      ];
    });
  }

  async list(
    filter: FailureFilter,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<FailurePage> {
    let after: string | undefined;
    if (page.cursor !== undefined) {
      after = Buffer.from(page.cursor, 'base64url').toString('utf8');
      if (!isFailureId(after)) throw invalidCursor();
    }
    let query = failureQuery(this.db, filter).select(SUMMARY_COLUMNS);
    if (after !== undefined) query = query.where('id', '<', after);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute();
    const items = rows.slice(0, page.limit).map(toFailureSummary);
    const last = items.at(-1);
    const nextCursor =
      rows.length > page.limit && last !== undefined ? Buffer.from(last.id).toString('base64url') : null;
    return { items, nextCursor };
  }

  async find(id: string): Promise<FailureDetail | null> {
    if (!isFailureId(id)) return null;
    const row = await this.db
      .selectFrom('platform.failures')
      .select([...SUMMARY_COLUMNS, 'headers', 'payload'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) return null;
    return {
      ...toFailureSummary(row),
      headers: (row.headers ?? {}) as Record<string, unknown>,
      payload: row.payload,
    };
  }

  async perQueue(): Promise<QueueFailures[]> {
    const rows = await this.db
      .selectFrom('platform.failures')
      .where('status', '=', 'dead')
      .groupBy('queue')
      .select((eb) => ['queue', eb.fn.countAll<string>().as('count')])
      .orderBy('queue')
      .execute();
    return rows.map((row) => ({ queue: row.queue, count: Number(row.count) }));
  }
}
