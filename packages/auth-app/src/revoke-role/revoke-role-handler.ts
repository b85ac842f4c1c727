import { type AccountRepository, AuthErrors, newStamp, parseRole } from '@contextflow/auth-domain';
import { type Clock, type CommandHandler, type IdGenerator, isAdmin } from '@contextflow/core';
import { changeAccount } from '../accounts/change-account.js';
import type { RevokeRoleCommand, RevokeRoleResult } from './revoke-role-command.js';

/** Revokes a role; not holding it succeeds without a change, and the `user` role cannot be revoked. Non-admins get `auth.admin_only`, an unknown account `auth.account_not_found`. */
export class RevokeRoleHandler implements CommandHandler<RevokeRoleCommand, RevokeRoleResult> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle({ payload, meta }: RevokeRoleCommand): Promise<RevokeRoleResult> {
    if (!isAdmin(meta.actor)) throw AuthErrors.adminOnly();
    const role = parseRole(payload.role);
    const account = await changeAccount(this.accounts, payload.accountId, (found) =>
      found.revokeRole(role, newStamp(this.ids, this.clock)),
    );
    if (account === null) throw AuthErrors.accountNotFound();
    return { accountId: account.id, roles: account.roles };
  }
}
