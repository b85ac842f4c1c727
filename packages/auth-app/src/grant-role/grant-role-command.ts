import type { Command, Role } from '@contextflow/core';
import { z } from 'zod';

/** The payload of {@link GrantRoleCommand}; the role is checked by the handler, since it may come from a URL. */
export const GrantRolePayloadSchema = z.object({ accountId: z.uuid(), role: z.string() });

/** A parsed {@link GrantRolePayloadSchema}. */
export type GrantRolePayload = Readonly<z.infer<typeof GrantRolePayloadSchema>>;

/** Gives an account a role (asynchronous; admins only). */
export type GrantRoleCommand = Command<'auth.grant-role', GrantRolePayload>;

/** Wire type of {@link GrantRoleCommand}. */
export const GrantRoleCommand = Object.freeze({ type: 'auth.grant-role' } as const);

/** Result of {@link GrantRoleCommand}: the roles the account holds afterwards. */
export interface GrantRoleResult {
  readonly accountId: string;
  readonly roles: readonly Role[];
}
