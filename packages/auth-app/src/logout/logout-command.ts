import type { Command } from '@contextflow/core';

/** Input of {@link LogoutCommand}. */
export interface LogoutPayload {
  readonly refreshToken: string;
}

/** Ends the session a refresh token belongs to (in-process; possession of the token is the authority). */
export type LogoutCommand = Command<'auth.logout', LogoutPayload>;

/** Wire type of {@link LogoutCommand}. */
export const LogoutCommand = Object.freeze({ type: 'auth.logout' } as const);
