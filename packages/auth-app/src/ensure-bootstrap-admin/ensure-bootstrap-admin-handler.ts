import { Account, type AccountRepository, AuthErrors, Email, newStamp } from '@contextflow/auth-domain';
import { type Clock, type CommandHandler, type IdGenerator, isAdmin } from '@contextflow/core';
import type {
  EnsureBootstrapAdminCommand,
  EnsureBootstrapAdminResult,
} from './ensure-bootstrap-admin-command.js';

/**
 * Creates the bootstrap account with the admin role, or grants the role to the existing account with that
 * email; running it again changes nothing. Two processes starting together may race: the loser gets
 * `auth.email_taken` or `auth.concurrent_update` and should simply run it once more.
 */
export class EnsureBootstrapAdminHandler
  implements CommandHandler<EnsureBootstrapAdminCommand, EnsureBootstrapAdminResult>
{
  constructor(
    private readonly accounts: AccountRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle({ payload, meta }: EnsureBootstrapAdminCommand): Promise<EnsureBootstrapAdminResult> {
    if (!isAdmin(meta.actor)) throw AuthErrors.adminOnly();
    const email = Email.parse(payload.email);
    const existing = await this.accounts.findByEmail(email);
    const account =
      existing ??
      Account.register(
        {
          id: this.ids.next(),
          email,
          passwordHash: payload.passwordHash,
          name: payload.name ?? 'Administrator',
        },
        newStamp(this.ids, this.clock),
      );
    account.grantRole('admin', newStamp(this.ids, this.clock));
    await this.accounts.save(account);
    return { accountId: account.id, created: existing === null };
  }
}
