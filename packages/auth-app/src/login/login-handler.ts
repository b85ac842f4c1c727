import { type Account, type AccountRepository, AuthErrors, Email } from '@contextflow/auth-domain';
import { type CommandHandler, isAppError } from '@contextflow/core';
import type { LoginTokens } from '../sign-in/issued-tokens.js';
import type { DeviceTokens, KnownDevice } from '../ports/device-tokens.js';
import type { LoginThrottle } from '../ports/login-throttle.js';
import type { PasswordCheck, PasswordHasher } from '../ports/password-hasher.js';
import type { SessionStarter } from '../sign-in/session-starter.js';
import { type TokenOutcome, tokenOutcome } from '../sign-in/token-outcome.js';
import type { LoginCommand } from './login-command.js';

const UNKNOWN: PasswordCheck = { ok: false, needsRehash: false };

/**
 * Checks the password and starts a session. An unknown email, a wrong password and a disabled account give
 * the same `auth.invalid_credentials` after the same amount of hashing work, so neither the answer nor its
 * timing tells whether an email has an account.
 *
 * Throttling never hands an attacker a lock on someone else: a sign-in that presents a device token of the
 * account (returned by an earlier successful sign-in) is judged only by that device's own failures. Any other
 * sign-in is judged by the account's failures and the client address's; over either limit it gets 429 before
 * the password is checked, so a throttled attempt never tells whether the password was right.
 */
export class LoginHandler implements CommandHandler<LoginCommand, TokenOutcome<LoginTokens>> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly devices: DeviceTokens,
    private readonly sessionStarter: SessionStarter,
  ) {}

  handle({ payload }: LoginCommand): Promise<TokenOutcome<LoginTokens>> {
    return tokenOutcome(async () => {
      const email = Email.tryParse(payload.email);
      const account = email === null ? null : await this.accounts.findByEmail(email);
      const device = await this.#deviceOf(account, payload.deviceToken);
      const keys = this.#keys(payload, device);
      await this.throttle.check(keys);
      const check = await this.#verify(account, payload.password);
      if (account === null || !check.ok || !account.isActive) {
        await this.throttle.recordFailure(keys);
        throw AuthErrors.invalidCredentials();
      }
      // The first key only (the device's or the account's), never the address key: resetting that would let
      // one valid login hide a spray over other accounts.
      await this.throttle.reset(keys.slice(0, 1));
      if (check.needsRehash) await this.#rehash(account, payload.password);
      const deviceToken = await this.#deviceTokenFor(account, device, payload.deviceToken);
      return { ...(await this.sessionStarter.start(account)), deviceToken };
    });
  }

  // A device token issued to another account counts as none.
  async #deviceOf(account: Account | null, token: string | undefined): Promise<KnownDevice | null> {
    if (token === undefined || token === '') return null;
    const device = await this.devices.find(token);
    return device !== null && device.accountId === account?.id ? device : null;
  }

  #keys(payload: LoginCommand['payload'], device: KnownDevice | null): string[] {
    if (device !== null) return [`login:device:${device.id}`];
    const accountKey = `login:email:${payload.email.trim().toLowerCase()}`;
    return payload.clientAddress === ''
      ? [accountKey]
      : [accountKey, `login:address:${payload.clientAddress}`];
  }

  async #deviceTokenFor(account: Account, device: KnownDevice | null, presented?: string): Promise<string> {
    if (device === null || presented === undefined) return this.devices.issue(account.id);
    await this.devices.used(device);
    return presented;
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
