import { Account, type AccountRepository, AuthErrors, Email, newStamp } from '@contextflow/auth-domain';
import type { Clock, CommandHandler, IdGenerator } from '@contextflow/core';
import type { RegisterAccountCommand, RegisterAccountResult } from './register-account-command.js';

/** Creates the account; an email already in use fails the command with conflict `auth.email_taken`. */
export class RegisterAccountHandler implements CommandHandler<RegisterAccountCommand, RegisterAccountResult> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle({ payload }: RegisterAccountCommand): Promise<RegisterAccountResult> {
    const email = Email.parse(payload.email);
    if ((await this.accounts.findByEmail(email)) !== null) throw AuthErrors.emailTaken();
    const account = Account.register(
      { id: payload.accountId, email, passwordHash: payload.passwordHash, name: payload.name },
      newStamp(this.ids, this.clock),
    );
    // A concurrent registration of the same email that wins the race makes this save throw email_taken too.
    await this.accounts.save(account);
    return { accountId: account.id };
  }
}
