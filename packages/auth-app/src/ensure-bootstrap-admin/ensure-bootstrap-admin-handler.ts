import { Account, type AccountRepository, AuthErrors, Email, newStamp } from '@contextflow/auth-domain';
import { AppError, type Clock, type CommandHandler, type IdGenerator, isAdmin } from '@contextflow/core';
import type {
  EnsureBootstrapAdminCommand,
  EnsureBootstrapAdminResult,
} from './ensure-bootstrap-admin-command.js';

/** Code of the error a creation without `passwordHash` fails with. */
export const BOOTSTRAP_PASSWORD_NEEDED = 'auth.bootstrap_password_needed';

const passwordNeeded = () =>
  AppError.invalid(
    BOOTSTRAP_PASSWORD_NEEDED,
    'Creating the bootstrap administrator needs its password hash.',
  );

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
    const account = existing ?? this.#create(email, payload);
    account.grantRole('admin', newStamp(this.ids, this.clock));
    await this.accounts.save(account);
    return { accountId: account.id, created: existing === null };
  }

  #create(email: Email, { passwordHash, name }: EnsureBootstrapAdminCommand['payload']): Account {
    if (passwordHash === undefined) throw passwordNeeded();
    return Account.register(
      { id: this.ids.next(), email, passwordHash, name: name ?? 'Administrator' },
      newStamp(this.ids, this.clock),
    );
  }
}
