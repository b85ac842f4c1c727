import { type AccountRepository, AuthErrors, newStamp, parseRole } from '@contextflow/auth-domain';
import { type Clock, type CommandHandler, type IdGenerator, isAdmin } from '@contextflow/core';
import { changeAccount } from '../accounts/change-account.js';
import type { GrantRoleCommand, GrantRoleResult } from './grant-role-command.js';

/** Grants a role; holding it already succeeds without a change. Non-admins get `auth.admin_only`, an unknown account `auth.account_not_found`. */
export class GrantRoleHandler implements CommandHandler<GrantRoleCommand, GrantRoleResult> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle({ payload, meta }: GrantRoleCommand): Promise<GrantRoleResult> {
    if (!isAdmin(meta.actor)) throw AuthErrors.adminOnly();
    const role = parseRole(payload.role);
    const account = await changeAccount(this.accounts, payload.accountId, (found) =>
      found.grantRole(role, newStamp(this.ids, this.clock)),
    );
    if (account === null) throw AuthErrors.accountNotFound();
    return { accountId: account.id, roles: account.roles };
  }
}
