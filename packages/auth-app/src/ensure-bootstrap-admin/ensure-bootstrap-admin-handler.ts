import { Account, type AccountRepository, AuthErrors, Email, newStamp } from '@contextflow/auth-domain';
import { type Clock, type CommandHandler, type IdGenerator, isAdmin } from '@contextflow/core';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type {
  EnsureBootstrapAdminCommand,
  EnsureBootstrapAdminResult,
} from './ensure-bootstrap-admin-command.js';

/**
 * Makes sure the configured first administrator exists: creates the account with the admin role when the
 * email has none; changes nothing (and hashes nothing) when the account is an admin already. An existing
 * account that is not an admin — registered by someone, or whose role an admin revoked — becomes one only if
 * the configured password is its password; otherwise it throws `auth.bootstrap_password_mismatch` and
 * changes nothing, so the address cannot be claimed by registering it first. Two processes starting together
 * may race: a lost save is run again by the command bus (`auth.concurrent_update`, the one race policy); the
 * loser of the creation gets `auth.email_taken` and should simply run it once more.
 */
export class EnsureBootstrapAdminHandler
  implements CommandHandler<EnsureBootstrapAdminCommand, EnsureBootstrapAdminResult>
{
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle({ payload, meta }: EnsureBootstrapAdminCommand): Promise<EnsureBootstrapAdminResult> {
    if (!isAdmin(meta.actor)) throw AuthErrors.adminOnly();
    const email = Email.parse(payload.email);
    const existing = await this.accounts.findByEmail(email);
    if (existing?.hasRole('admin') === true) return { accountId: existing.id, created: false };
    if (existing !== null && !(await this.hasher.verify(existing.passwordHash, payload.password)).ok) {
      throw AuthErrors.bootstrapPasswordMismatch();
    }
    const account = existing ?? (await this.#create(email, payload));
    account.grantRole('admin', newStamp(this.ids, this.clock));
    await this.accounts.save(account);
    return { accountId: account.id, created: existing === null };
  }

  async #create(email: Email, { password, name }: EnsureBootstrapAdminCommand['payload']): Promise<Account> {
    return Account.register(
      {
        id: this.ids.next(),
        email,
        passwordHash: await this.hasher.hash(password),
        name: name ?? 'Administrator',
      },
      newStamp(this.ids, this.clock),
    );
  }
}
