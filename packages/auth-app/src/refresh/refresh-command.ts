import type { Command } from '@contextflow/core';

/** Input of {@link RefreshCommand}. */
export interface RefreshPayload {
  readonly refreshToken: string;
  /** The caller's IP address, for throttling invalid tokens; empty when unknown. */
  readonly clientAddress: string;
}

/** Exchanges a refresh token for new tokens (in-process); the handler answers a `TokenOutcome`. */
export type RefreshCommand = Command<'auth.refresh', RefreshPayload>;

/** Wire type of {@link RefreshCommand}. */
export const RefreshCommand = Object.freeze({ type: 'auth.refresh' } as const);
