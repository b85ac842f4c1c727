import type { Command } from '@contextflow/core';

/** Input of {@link LoginCommand}; it runs in-process only, since it carries a plaintext password. */
export interface LoginPayload {
  readonly email: string;
  readonly password: string;
  /** The caller's IP address, for throttling; empty when unknown. */
  readonly clientAddress: string;
  /** The device token a former sign-in of this client received, if it kept one. */
  readonly deviceToken?: string | undefined;
}

/** Signs in with email and password (in-process); the handler answers a `TokenOutcome<LoginTokens>`. */
export type LoginCommand = Command<'auth.login', LoginPayload>;

/** Wire type of {@link LoginCommand}. */
export const LoginCommand = Object.freeze({ type: 'auth.login' } as const);
