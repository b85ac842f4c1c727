import type { Command } from '@contextflow/core';

/** Ends every session of the signed-in caller (in-process): the actor is the account, the payload is empty. */
export type LogoutAllCommand = Command<'auth.logout-all', Readonly<Record<string, never>>>;

/** Wire type of {@link LogoutAllCommand}. */
export const LogoutAllCommand = Object.freeze({ type: 'auth.logout-all' } as const);

/** Result of {@link LogoutAllCommand}. */
export interface LogoutAllResult {
  /** Sessions that were still active and are now revoked (the caller's own included). */
  readonly sessionsRevoked: number;
  readonly deviceTokensRevoked: number;
}
