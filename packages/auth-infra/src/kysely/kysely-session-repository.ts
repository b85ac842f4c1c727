// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import {
  AuthErrors,
  Session,
  type SessionRepository,
  SessionRevokedEvent,
  type SessionRevokedReason,
  SessionRotatedEvent,
} from '@contextflow/auth-domain';
import { UUID_PATTERN } from '@contextflow/core';
import { Db, OutboxWriter } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';
import { inject, injectable } from 'tsyringe';
import { AccessChanges } from '../cache/session-cache.js';
import type { AuthTables } from './auth-tables.js';

/**
 * {@link SessionRepository} over `auth.sessions` and `auth.session_token_hashes`, which holds every hash a
 * family ever had (unique), so an exchanged token still finds its session. Saves check the loaded version and
 * append the recorded events to the outbox in the same transaction.
 */
@injectable()
export class KyselySessionRepository implements SessionRepository {
  constructor(
    @inject(Db) private readonly db: Kysely<AuthTables>,
    @inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @inject(AccessChanges, { isOptional: true }) private readonly changes?: AccessChanges,
  ) {}

  async findByTokenHash(hash: string): Promise<Session | null> {
    const row = await this.db
      .selectFrom('auth.session_token_hashes as t')
      .innerJoin('auth.sessions as s', 's.id', 't.session_id')
      .selectAll('s')
      .select(
        sql<
          string[]
        >`array(select h.hash from auth.session_token_hashes h where h.session_id = s.id order by h.generation)`.as(
          'hashes',
        ),
      )
      .where('t.hash', '=', hash)
      .executeTakeFirst();
    if (row === undefined) return null;
    return Session.restore({
      id: row.id,
      accountId: row.account_id,
      currentTokenHash: row.current_token_hash,
      previousTokenHashes: row.hashes.filter((h) => h !== row.current_token_hash),
      generation: row.generation,
      status: row.status,
      revokedReason: row.revoked_reason,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      expiresAt: row.expires_at,
      version: row.version,
    });
  }

  async save(session: Session): Promise<void> {
    const s = session.toSnapshot();
    const pending = session.pendingEvents;
    const revoked = pending.find((event) => event.type === SessionRevokedEvent.type);
    const state = {
      current_token_hash: s.currentTokenHash,
      generation: s.generation,
      status: s.status,
      revoked_reason: s.revokedReason,
      last_used_at: s.lastUsedAt,
      version: s.version,
      ...(revoked === undefined ? {} : { revoked_at: revoked.occurredAt }),
    };
    const isNew = session.persistedVersion === 0;
    if (!isNew) this.changes?.accountChanging(s.accountId);
    const written = isNew
      ? await this.db
          .insertInto('auth.sessions')
          .values({
            id: s.id,
            account_id: s.accountId,
            created_at: s.createdAt,
            expires_at: s.expiresAt,
            ...state,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst()
      : await this.db
          .updateTable('auth.sessions')
          .set(state)
          .where('id', '=', s.id)
          .where('version', '=', session.persistedVersion)
          .executeTakeFirst();
    const rows =
      'numInsertedOrUpdatedRows' in written ? written.numInsertedOrUpdatedRows : written.numUpdatedRows;
    if (rows !== 1n) throw AuthErrors.concurrentUpdate();
    // Hash i of the family (oldest first) is generation i + 1; only those added since loading are new.
    const all = [...s.previousTokenHashes, s.currentTokenHash];
    const added = isNew
      ? all.length
      : pending.filter((event) => event.type === SessionRotatedEvent.type).length;
    const first = all.length - added;
    if (added > 0) {
      await this.db
        .insertInto('auth.session_token_hashes')
        .values(all.slice(first).map((hash, i) => ({ hash, session_id: s.id, generation: first + i + 1 })))
        .execute();
    }
    await this.outbox.append(session.pullEvents());
  }

  async revokeAllForAccount(
    accountId: string,
    reason: SessionRevokedReason,
    at: Date,
    keepSessionId?: string,
  ): Promise<number> {
    if (!UUID_PATTERN.test(accountId)) return 0;
    this.changes?.accountChanging(accountId);
    const keep = keepSessionId !== undefined && UUID_PATTERN.test(keepSessionId) ? keepSessionId : undefined;
    const result = await this.db
      .updateTable('auth.sessions')
      .set((eb) => ({
        status: 'revoked',
        revoked_reason: reason,
        revoked_at: at,
        version: eb('version', '+', 1),
      }))
      .where('account_id', '=', accountId)
      .where('status', '=', 'active')
      .$if(keep !== undefined, (qb) => qb.where('id', '<>', keep ?? ''))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
