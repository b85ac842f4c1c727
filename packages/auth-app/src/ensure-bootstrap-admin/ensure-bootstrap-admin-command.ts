import type { Command } from '@contextflow/core';

/** Input of {@link EnsureBootstrapAdminCommand}, from `BOOTSTRAP_ADMIN_EMAIL` / `BOOTSTRAP_ADMIN_PASSWORD`. */
export interface EnsureBootstrapAdminPayload {
  readonly email: string;
  /**
   * Used only when the account is created; an existing account keeps its password. Without it, an existing
   * account is still promoted, and a missing one fails with `auth.bootstrap_password_needed`: the caller
   * hashes the password (slow on purpose) only then, and runs the command again.
   */
  readonly passwordHash?: string;
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
  /** False when the account already existed (it was promoted if needed). */
  readonly created: boolean;
}
