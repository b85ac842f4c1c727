import { type AccountRepository, Email, PasswordPolicy } from '@contextflow/auth-domain';
import type { IdGenerator } from '@contextflow/core';
import type { LinkProof } from '../account-links/redeem-link.js';
import type { AccountLinks } from '../ports/account-links.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { PendingCredentials } from '../ports/pending-credentials.js';
import type { ChangePasswordPayload } from '../change-password/change-password-command.js';
import type { ResetPasswordPayload } from '../reset-password/reset-password-command.js';

// Stands in for the account's address when a link names no account: the policy's other rules still apply, and
// the command fails on the link anyway.
const NO_ACCOUNT = Email.parse('nobody@invalid.invalid');

/**
 * The synchronous half of setting a new password, done where the request arrives (as `RegistrationIntake`):
 * checks the new password against the policy (`auth.weak_password`, pointer `/password`), hashes it and stores
 * the hash under a new id (`PendingCredentials`), so the queued command carries no password. Reads only: the
 * command does the change.
 */
export class NewPasswordIntake {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly links: AccountLinks,
    private readonly hasher: PasswordHasher,
    private readonly credentials: PendingCredentials,
    private readonly ids: IdGenerator,
  ) {}

  /** For a reset link: the policy is checked against the email of the account the link names. */
  async forReset(proof: LinkProof, password: string): Promise<ResetPasswordPayload> {
    const link = await this.links.find(proof.linkId);
    const account = link === null ? null : await this.accounts.findById(link.accountId);
    PasswordPolicy.check(password, account?.email ?? NO_ACCOUNT);
    return { ...proof, credentialId: await this.#store(password) };
  }

  /**
   * For the signed-in owner: a wrong current password stores nothing and gives `credentialId: null`, which
   * fails the command with `auth.wrong_password`.
   */
  async forChange(
    accountId: string,
    currentPassword: string,
    password: string,
  ): Promise<ChangePasswordPayload> {
    const account = await this.accounts.findById(accountId);
    if (account === null) return { accountId, credentialId: null };
    const check = await this.hasher.verify(account.passwordHash, currentPassword);
    if (!check.ok) return { accountId, credentialId: null };
    PasswordPolicy.check(password, account.email);
    return { accountId, credentialId: await this.#store(password) };
  }

  async #store(password: string): Promise<string> {
    const id = this.ids.next();
    await this.credentials.put(id, await this.hasher.hash(password));
    return id;
  }
}
