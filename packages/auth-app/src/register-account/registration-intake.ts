import { AuthErrors } from '@contextflow/auth-domain';
import { type IdGenerator, isAppError } from '@contextflow/core';
import type { LoginThrottle } from '../ports/login-throttle.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { PendingCredentials } from '../ports/pending-credentials.js';
import { preparePassword } from './prepare-password.js';
import type { RegisterAccountPayload } from './register-account-command.js';

/** What a client sends to register, and where it comes from. */
export interface RegistrationRequest {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  /** The client's IP address, for the per-address limit; empty when unknown (then nothing is counted). */
  readonly clientAddress: string;
}

/**
 * The synchronous half of a registration, done where the request arrives: checks the email and password
 * (`auth.invalid_email`, `auth.weak_password`), counts the registration against the client address before any
 * hashing (`auth.too_many_registrations` once the address is at its limit), hashes the password and stores the
 * hash under a new account id ({@link PendingCredentials}). It returns the payload of the
 * `RegisterAccountCommand` to send, which holds no credential.
 */
export class RegistrationIntake {
  constructor(
    /** Counts every registration per address: its window and limit are the registration limit's. */
    private readonly registrations: LoginThrottle,
    private readonly hasher: PasswordHasher,
    private readonly credentials: PendingCredentials,
    private readonly ids: IdGenerator,
  ) {}

  async admit(request: RegistrationRequest): Promise<RegisterAccountPayload> {
    const { email } = preparePassword(request);
    await this.#count(request.clientAddress);
    const passwordHash = await this.hasher.hash(request.password);
    const accountId = this.ids.next();
    await this.credentials.put(accountId, passwordHash);
    return { accountId, email, name: request.name };
  }

  async #count(clientAddress: string): Promise<void> {
    const keys = clientAddress === '' ? [] : [`register:address:${clientAddress}`];
    try {
      await this.registrations.check(keys);
    } catch (error) {
      if (!isAppError(error) || error.kind !== 'rate_limited') throw error;
      throw AuthErrors.tooManyRegistrations(error.retryAfterSeconds ?? 1);
    }
    await this.registrations.recordFailure(keys);
  }
}
