import { token } from '@contextflow/core';

/** What a link sent by email lets its holder do. */
export type LinkPurpose = 'verify-email' | 'reset-password';

/** A link as stored: never its token, only the token's hash once the email carrying it was sent. */
export interface AccountLink {
  readonly id: string;
  readonly accountId: string;
  readonly purpose: LinkPurpose;
  /** Hash of the secret the email carries; `null` until the email is sent. */
  readonly tokenHash: string | null;
  readonly expiresAt: Date;
  readonly sentAt: Date | null;
  readonly usedAt: Date | null;
  readonly supersededAt: Date | null;
}

/**
 * The links of the account lifecycle (verify an email, reset a password), through the `Db` of the unit of work.
 * A link is opened when it is requested, sent (its token's hash stored) by the mailer, and used at most once.
 */
export interface AccountLinks {
  /**
   * Stores a new link of `purpose` for the account and supersedes every earlier link of that purpose the
   * account has not used: only the newest one works.
   */
  open(link: {
    readonly id: string;
    readonly accountId: string;
    readonly purpose: LinkPurpose;
    readonly createdAt: Date;
    readonly expiresAt: Date;
  }): Promise<void>;
  /** How many links of `purpose` were opened for the account at or after `since` (superseded ones included). */
  countOpenedSince(accountId: string, purpose: LinkPurpose, since: Date): Promise<number>;
  /** The link, or `null` when there is none with this id. */
  find(id: string): Promise<AccountLink | null>;
  /** Records that the email was sent, with the hash of the token it carries. */
  markSent(id: string, tokenHash: string, at: Date): Promise<void>;
  /** Records that the link was used. */
  markUsed(id: string, at: Date): Promise<void>;
  /** Supersedes every unused link of `purpose` of the account (a reset or a verification succeeded). */
  supersedeAll(accountId: string, purpose: LinkPurpose, at: Date): Promise<void>;
}

/** Token of {@link AccountLinks}. */
export const AccountLinks = token<AccountLinks>('auth.AccountLinks');
