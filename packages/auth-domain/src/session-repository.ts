import { token } from '@contextflow/core';
import type { Session } from './session.js';
import type { SessionRevokedReason } from './session-revoked-reason.js';

/**
 * Stores sessions (refresh-token families). Every token hash a family ever had must stay findable for as long
 * as the session is kept, because presenting an old one is how reuse is detected.
 */
export interface SessionRepository {
  /** The session whose current OR any previous token hash is `hash`, whatever its status; `null` when none. */
  findByTokenHash(hash: string): Promise<Session | null>;
  /**
   * Inserts a new session (`persistedVersion` 0) or updates one whose stored version still equals
   * `persistedVersion`, then takes its pending events. Throws conflict `auth.concurrent_update` when the
   * stored version moved (two exchanges of the same token raced).
   */
  save(session: Session): Promise<void>;
  /**
   * Revokes every active session of the account with `reason` at `at`, as one bulk write that records no
   * per-session events and bumps each revoked session's version (so a refresh racing with it loses); returns
   * how many it revoked. Safe to repeat. `keepSessionId` names a session that goes on (the caller's own).
   */
  revokeAllForAccount(
    accountId: string,
    reason: SessionRevokedReason,
    at: Date,
    keepSessionId?: string,
  ): Promise<number>;
}

/** Token of {@link SessionRepository}. */
export const SessionRepository = token<SessionRepository>('auth.SessionRepository');
