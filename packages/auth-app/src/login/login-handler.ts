import { type Account, type AccountRepository, AuthErrors, Email } from '@contextflow/auth-domain';
import { type CommandHandler, isAppError } from '@contextflow/core';
import type { PasswordCheck, PasswordHasher } from '../ports/password-hasher.js';
import type { LoginThrottle } from '../ports/login-throttle.js';
import type { SessionStarter } from '../session-starter.js';
import { type TokenOutcome, tokenOutcome } from '../token-outcome.js';
import type { LoginCommand } from './login-command.js';

const UNKNOWN: PasswordCheck = { ok: false, needsRehash: false };

/**
 * Checks the password and starts a session. An unknown email, a wrong password and a disabled account give
 * the same `auth.invalid_credentials` after the same amount of hashing work, so neither the answer nor its
 * timing tells whether an email has an account. Failures are throttled per email and per client address.
 */
export class LoginHandler implements CommandHandler<LoginCommand, TokenOutcome> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessionStarter: SessionStarter,
  ) {}

  handle({ payload }: LoginCommand): Promise<TokenOutcome> {
    return tokenOutcome(async () => {
      const accountKey = `login:email:${payload.email.trim().toLowerCase()}`;
      const keys =
        payload.clientAddress === '' ? [accountKey] : [accountKey, `login:address:${payload.clientAddress}`];
      await this.throttle.check(keys);
      const email = Email.tryParse(payload.email);
      const account = email === null ? null : await this.accounts.findByEmail(email);
      const check = await this.#verify(account, payload.password);
      if (account === null || !check.ok || !account.isActive) {
        await this.throttle.recordFailure(keys);
        throw AuthErrors.invalidCredentials();
      }
      // Only the account key: resetting the address key would let one valid login hide a spray over others.
      await this.throttle.reset([accountKey]);
      if (check.needsRehash) await this.#rehash(account, payload.password);
      return this.sessionStarter.start(account);
    });
  }

  async #verify(account: Account | null, password: string): Promise<PasswordCheck> {
    if (account !== null) return this.hasher.verify(account.passwordHash, password);
    await this.hasher.dummyVerify(password);
    return UNKNOWN;
  }

  // Opportunistic: losing the race to another writer only postpones the rehash to the next sign-in.
  async #rehash(account: Account, password: string): Promise<void> {
    account.changePasswordHash(await this.hasher.hash(password));
    try {
      await this.accounts.save(account);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'auth.concurrent_update') throw error;
    }
  }
}
