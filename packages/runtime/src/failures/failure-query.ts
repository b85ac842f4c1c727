import { type FailureFilter, isFailureId } from '@contextflow/core-infra';
import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';

/** `platform.failures` narrowed to a filter (status `dead` unless it says otherwise): lists and actions share it. */
export function failureQuery(db: Kysely<PlatformTables>, filter: FailureFilter) {
  let query = db.selectFrom('platform.failures').where('status', '=', filter.status ?? 'dead');
  if (filter.ids !== undefined) {
    const ids = filter.ids.filter(isFailureId);
    // No readable id matches nothing, not everything.
    query = query.where('id', 'in', ids.length === 0 ? ['0'] : ids);
  }
  if (filter.queue !== undefined) query = query.where('queue', '=', filter.queue);
  if (filter.type !== undefined) query = query.where('type', '=', filter.type);
  if (filter.fingerprint !== undefined) query = query.where('fingerprint', '=', filter.fingerprint);
  if (filter.from !== undefined) query = query.where('last_failed_at', '>=', new Date(filter.from));
  if (filter.to !== undefined) query = query.where('last_failed_at', '<', new Date(filter.to));
  if (filter.minAttempts !== undefined) query = query.where('attempts', '>=', filter.minAttempts);
  if (filter.maxAttempts !== undefined) query = query.where('attempts', '<=', filter.maxAttempts);
  return query;
}
