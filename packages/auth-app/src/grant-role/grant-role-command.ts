import type { Command, Role } from '@contextflow/core';

/** Input of {@link GrantRoleCommand}. */
export interface GrantRolePayload {
  readonly accountId: string;
  /** Checked by the handler, since it may come from a URL. */
  readonly role: string;
}

/** Gives an account a role (asynchronous; admins only). */
export type GrantRoleCommand = Command<'auth.grant-role', GrantRolePayload>;

/** Wire type of {@link GrantRoleCommand}. */
export const GrantRoleCommand = Object.freeze({ type: 'auth.grant-role' } as const);

/** Result of {@link GrantRoleCommand}: the roles the account holds afterwards. */
export interface GrantRoleResult {
  readonly accountId: string;
  readonly roles: readonly Role[];
}
