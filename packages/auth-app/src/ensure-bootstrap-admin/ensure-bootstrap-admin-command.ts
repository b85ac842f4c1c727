import type { Command } from '@contextflow/core';

/**
 * Input of {@link EnsureBootstrapAdminCommand}, from `BOOTSTRAP_ADMIN_EMAIL` / `BOOTSTRAP_ADMIN_PASSWORD`. It
 * carries the plaintext password, so it only ever runs in-process: never queued, never stored.
 */
export interface EnsureBootstrapAdminPayload {
  readonly email: string;
  /** Hashed for an account that is created; proves the operator for an existing account that is not admin. */
  readonly password: string;
  /** Display name for a created account; defaults to `Administrator`. */
  readonly name?: string;
}

/** Makes sure the first administrator exists (in-process, at start-up, with the system principal as actor). */
export type EnsureBootstrapAdminCommand = Command<'auth.ensure-bootstrap-admin', EnsureBootstrapAdminPayload>;

/** Wire type of {@link EnsureBootstrapAdminCommand}. */
export const EnsureBootstrapAdminCommand = Object.freeze({ type: 'auth.ensure-bootstrap-admin' } as const);

/** Result of {@link EnsureBootstrapAdminCommand}. */
export interface EnsureBootstrapAdminResult {
  readonly accountId: string;
  /** False when the account already existed. */
  readonly created: boolean;
}
