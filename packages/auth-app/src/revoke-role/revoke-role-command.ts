import type { Command, Role } from '@contextflow/core';

/** Input of {@link RevokeRoleCommand}. */
export interface RevokeRolePayload {
  readonly accountId: string;
  /** Checked by the handler, since it may come from a URL. */
  readonly role: string;
}

/** Takes a role from an account (asynchronous; admins only). */
export type RevokeRoleCommand = Command<'auth.revoke-role', RevokeRolePayload>;

/** Wire type of {@link RevokeRoleCommand}. */
export const RevokeRoleCommand = Object.freeze({ type: 'auth.revoke-role' } as const);

/** Result of {@link RevokeRoleCommand}: the roles the account holds afterwards. */
export interface RevokeRoleResult {
  readonly accountId: string;
  readonly roles: readonly Role[];
}
