import { type Role, token } from '@contextflow/core';

/** What a live session lets its access tokens do right now. */
export interface LiveSession {
  readonly accountId: string;
  /** The account's current roles (not those frozen into the token). */
  readonly roles: readonly Role[];
}

/**
 * Answers, for every authenticated request, whether the session behind an access token still stands. It is
 * what makes logout, refresh-token reuse, deactivation and role changes take effect before the access token
 * expires. It must be cheap (a primary-key read; a cache of a few seconds at most).
 */
export interface SessionStatusReader {
  /**
   * The account and its current roles when the session exists, is not revoked, has not expired at `at`, and
   * its account is active; `null` otherwise.
   */
  find(sessionId: string, at: Date): Promise<LiveSession | null>;
}

/** Token of {@link SessionStatusReader}. */
export const SessionStatusReader = token<SessionStatusReader>('auth.SessionStatusReader');
