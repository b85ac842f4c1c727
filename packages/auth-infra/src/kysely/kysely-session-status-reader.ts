import type { LiveSession, SessionStatusReader } from '@contextflow/auth-app';
import { ROLES, UUID_PATTERN } from '@contextflow/core';
import { preparedQuery } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import type { SessionLookup } from '../cache/session-cache.js';
import type { AuthTables } from './auth-tables.js';

const liveSession = preparedQuery((db: Kysely<AuthTables>, sessionId: string, at: Date) =>
  db
    .selectFrom('auth.sessions as s')
    .innerJoin('auth.accounts as a', 'a.id', 's.account_id')
    .select(['a.id', 'a.roles', 's.expires_at'])
    .where('s.id', '=', sessionId)
    .where('s.status', '=', 'active')
    .where('s.expires_at', '>', at)
    .where('a.status', '=', 'active'),
);

/**
 * {@link SessionStatusReader} as one primary-key join of `auth.sessions` and `auth.accounts` (compiled once).
 * Built on the root database handle: it is resolved once, when the HTTP app starts. The http app puts a
 * `SessionCache` in front of it.
 */
export class KyselySessionStatusReader implements SessionStatusReader {
  constructor(private readonly db: Kysely<AuthTables>) {}

  async find(sessionId: string, at: Date): Promise<LiveSession | null> {
    return (await this.lookup(sessionId, at))?.live ?? null;
  }

  /** The live session with when it expires, or `null` as {@link find} answers. */
  async lookup(sessionId: string, at: Date): Promise<SessionLookup | null> {
    if (!UUID_PATTERN.test(sessionId)) return null;
    const [row] = (await liveSession.execute(this.db, sessionId, at)).rows;
    if (row === undefined) return null;
    return {
      live: { accountId: row.id, roles: ROLES.filter((role) => row.roles.includes(role)) },
      expiresAt: new Date(row.expires_at),
    };
  }
}
