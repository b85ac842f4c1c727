import { Account, type AccountRepository, AuthErrors, Email, newStamp } from '@contextflow/auth-domain';
import { type Clock, type CommandHandler, type IdGenerator, isAppError } from '@contextflow/core';
import { openVerificationLink } from '../account-links/open-verification-link.js';
import type { AccountLinks } from '../ports/account-links.js';
import type { AuthSettings } from '../ports/auth-settings.js';
import type { PendingCredentials } from '../ports/pending-credentials.js';
import type { RegisterAccountCommand, RegisterAccountResult } from './register-account-command.js';

/**
 * Creates the account with the password hash that waits under its id (taking it: the pending row is gone once
 * this commits) and asks for its verification email. An email that already has an account succeeds all the
 * same, with the same result and no second account, and its owner is told by email (the account records
 * `auth.registration-attempted`): whoever sent the command learns nothing about who has an account. A
 * registration whose hash is gone (it waited past the pending window) fails with `auth.registration_expired`.
 */
export class RegisterAccountHandler implements CommandHandler<RegisterAccountCommand, RegisterAccountResult> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly credentials: PendingCredentials,
    private readonly links: AccountLinks,
    private readonly settings: AuthSettings,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle({ payload }: RegisterAccountCommand): Promise<RegisterAccountResult> {
    const email = Email.parse(payload.email);
    const passwordHash = (await this.credentials.take(payload.accountId)) ?? legacyHashOf(payload);
    if (passwordHash === null) throw AuthErrors.registrationExpired();
    const owner = await this.accounts.findByEmail(email);
    if (owner !== null) {
      owner.registrationAttempted(newStamp(this.ids, this.clock));
      await this.accounts.save(owner);
      return { accountId: payload.accountId };
    }
    const account = Account.register(
      { id: payload.accountId, email, passwordHash, name: payload.name },
      newStamp(this.ids, this.clock),
    );
    try {
      // The account row first: the link refers to it.
      await this.accounts.save(account);
    } catch (error) {
      // A concurrent registration of the email won the race: run again (a passing fault), and the next run
      // finds the owner and answers like any taken email, instead of failing with what would reveal it.
      if (isAppError(error) && error.code === 'auth.email_taken') throw AuthErrors.concurrentUpdate();
      throw error;
    }
    const ttl = this.settings.emailVerificationTtlSeconds;
    await openVerificationLink(account, this.links, ttl, this.ids, this.clock);
    await this.accounts.save(account);
    return { accountId: account.id };
  }
}

// A command accepted by an earlier version carried the hash itself; it is still honoured once.
function legacyHashOf(payload: RegisterAccountCommand['payload']): string | null {
  const { passwordHash } = payload as { passwordHash?: unknown };
  return typeof passwordHash === 'string' ? passwordHash : null;
}
