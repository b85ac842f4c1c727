import type { Command } from '@contextflow/core';

/**
 * Input of {@link RegisterAccountCommand}. It carries no credential: the password's hash waits in the auth
 * context's own storage (`PendingCredentials`) under `accountId`, so the command row, the outbox, the broker
 * and any dead letter never hold it.
 */
export interface RegisterAccountPayload {
  /** Server-generated UUIDv7; also the user's id in every context. */
  readonly accountId: string;
  readonly email: string;
  readonly name: string;
}

/** Creates an account (asynchronous; anyone may ask). */
export type RegisterAccountCommand = Command<'auth.register-account', RegisterAccountPayload>;

/** Wire type of {@link RegisterAccountCommand}. */
export const RegisterAccountCommand = Object.freeze({ type: 'auth.register-account' } as const);

/** Result of {@link RegisterAccountCommand}: the same for a new account and for an email that was taken. */
export interface RegisterAccountResult {
  readonly accountId: string;
}
