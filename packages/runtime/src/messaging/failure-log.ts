import type { PlatformTables } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';
import type { FailureEntry } from './failure-entry.js';

/**
 * Writes `platform.failures`: one row per work queue and message id. Every dead-lettered message of every
 * queue comes through {@link record}, from two places: the dispatchers, when they dead-letter a message
 * themselves (they know the problem), and the failure recorder, which reads the dead-letter exchange's copy
 * of every dead letter (it alone sees the broker's own deaths: the delivery limit, an expiry).
 */
export class FailureLog {
  constructor(readonly db: Kysely<PlatformTables>) {}

  /**
   * Records a death. `replace`: a new death (the row, if any, gets this one's reason, problem and attempts, one
   * more death and the latest time, and is `dead` again). `fill`: the broker's copy of a rejection the
   * dispatcher should have recorded: written only when no row is `dead` for it already.
   */
  async record(entry: FailureEntry, mode: 'replace' | 'fill', at: Date = new Date()): Promise<void> {
    const values = {
      queue: entry.queue,
      message_id: entry.messageId,
      type: entry.type,
      headers: JSON.stringify(entry.headers),
      payload: JSON.stringify(entry.payload ?? null),
      reason: entry.reason,
      problem: entry.problem === null ? null : JSON.stringify(entry.problem),
      error_code: entry.problem?.code ?? '',
      attempts: entry.attempts,
      trace_id: entry.traceId,
      fingerprint: entry.fingerprint,
      first_failed_at: at,
      last_failed_at: at,
      updated_at: at,
    };
    await this.db
      .insertInto('platform.failures')
      .values(values)
      .onConflict((conflict) => {
        const update = conflict.columns(['queue', 'message_id']).doUpdateSet((eb) => ({
          type: eb.ref('excluded.type'),
          headers: eb.ref('excluded.headers'),
          payload: eb.ref('excluded.payload'),
          reason: eb.ref('excluded.reason'),
          problem: eb.ref('excluded.problem'),
          error_code: eb.ref('excluded.error_code'),
          attempts: eb.ref('excluded.attempts'),
          trace_id: eb.ref('excluded.trace_id'),
          fingerprint: eb.ref('excluded.fingerprint'),
          deaths: sql<number>`platform.failures.deaths + 1`,
          status: 'dead' as const,
          last_failed_at: eb.ref('excluded.last_failed_at'),
          updated_at: eb.ref('excluded.updated_at'),
        }));
        return mode === 'replace' ? update : update.where('platform.failures.status', '<>', 'dead');
      })
      .execute();
  }
}
