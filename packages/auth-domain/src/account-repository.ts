import { token } from '@contextflow/core';
import type { Account } from './account.js';
import type { Email } from './email.js';

/** Stores accounts; `save` also hands the account's recorded events to the outbox, in the same transaction. */
export interface AccountRepository {
  /** The account, or `null` when none has this id. */
  findById(id: string): Promise<Account | null>;
  /** The account with this (normalised) email, or `null`. */
  findByEmail(email: Email): Promise<Account | null>;
  /**
   * Inserts a new account (`persistedVersion` 0) or updates one whose stored version still equals
   * `persistedVersion`, then takes its pending events. Throws conflict `auth.concurrent_update` when the
   * stored version moved, and conflict `auth.email_taken` when another account holds the email.
   */
  save(account: Account): Promise<void>;
}

/** Token of {@link AccountRepository}. */
export const AccountRepository = token<AccountRepository>('auth.AccountRepository');
