import type { Command } from '@contextflow/core';

/** Input of {@link RegisterAccountCommand}. The password is already hashed: plaintext never reaches the queue. */
export interface RegisterAccountPayload {
  /** Server-generated UUIDv7; also the user's id in every context. */
  readonly accountId: string;
  readonly email: string;
  readonly name: string;
  /** PHC string from `PasswordHasher.hash`, computed by the route after `preparePassword` accepted it. */
  readonly passwordHash: string;
}

/** Creates an account (asynchronous; anyone may ask). */
export type RegisterAccountCommand = Command<'auth.register-account', RegisterAccountPayload>;

/** Wire type of {@link RegisterAccountCommand}. */
export const RegisterAccountCommand = Object.freeze({ type: 'auth.register-account' } as const);

/** Result of {@link RegisterAccountCommand}. */
export interface RegisterAccountResult {
  readonly accountId: string;
}
