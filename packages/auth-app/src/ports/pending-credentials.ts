import { token } from '@contextflow/core';

/**
 * Password hashes of registrations that were accepted but not yet processed, kept in the auth context's own
 * storage under the new account's id, so the queued registration command carries no credential. Rows nobody
 * takes (a registration that was never accepted, or failed) are deleted after a window.
 */
export interface PendingCredentials {
  /** Stores the hash for the account id (an id is used once; storing it again replaces the hash). */
  put(accountId: string, passwordHash: string): Promise<void>;
  /** Removes and returns the hash stored for the account id; `null` when there is none (taken, or expired). */
  take(accountId: string): Promise<string | null>;
}

/** Token of {@link PendingCredentials}. */
export const PendingCredentials = token<PendingCredentials>('auth.PendingCredentials');
