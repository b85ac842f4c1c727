import { AggregateRoot, DisplayName, ROLES, type Role } from '@contextflow/core';
import { AccountDisabledEvent } from './account-disabled-event.js';
import { AccountEnabledEvent } from './account-enabled-event.js';
import { AccountRegisteredEvent } from './account-registered-event.js';
import { Email } from './email.js';
import { EmailVerificationRequestedEvent } from './email-verification-requested-event.js';
import { EmailVerifiedEvent } from './email-verified-event.js';
import { AuthErrors } from './errors.js';
import { PasswordChangedEvent, type PasswordChangeKind } from './password-changed-event.js';
import { PasswordResetRequestedEvent } from './password-reset-requested-event.js';
import { RegistrationAttemptedEvent } from './registration-attempted-event.js';
import { RoleGrantedEvent } from './role-granted-event.js';
import { RoleRevokedEvent } from './role-revoked-event.js';
import type { Stamp } from './stamp.js';

/** Whether an account may sign in. */
export type AccountStatus = 'active' | 'disabled';

/** Every event an {@link Account} records. */
export type AccountEvent =
  | AccountRegisteredEvent
  | RoleGrantedEvent
  | RoleRevokedEvent
  | AccountDisabledEvent
  | AccountEnabledEvent
  | EmailVerificationRequestedEvent
  | EmailVerifiedEvent
  | PasswordResetRequestedEvent
  | PasswordChangedEvent
  | RegistrationAttemptedEvent;

/** The stored form of an account, as repositories read and write it. */
export interface AccountSnapshot {
  readonly id: string;
  readonly email: string;
  /** An opaque PHC string (`$argon2id$...`); only the password hasher understands it. */
  readonly passwordHash: string;
  readonly roles: readonly Role[];
  readonly status: AccountStatus;
  /** Whether the owner followed a verification link sent to `email`. */
  readonly emailVerified: boolean;
  readonly version: number;
}

/** The credentials and roles of one user; its id is the user's id. */
export class Account extends AggregateRoot<AccountEvent> {
  private constructor(
    id: string,
    version: number,
    private currentEmail: Email,
    private currentHash: string,
    private readonly heldRoles: Set<Role>,
    private currentStatus: AccountStatus,
    private verified: boolean,
  ) {
    super(id, version);
  }

  /** Creates an active account holding the `user` role; the name only travels in the event, for the users context. */
  static register(
    input: { id: string; email: Email; passwordHash: string; name: string },
    stamp: Stamp,
  ): Account {
    const name = Account.#checkName(input.name);
    const account = new Account(
      input.id,
      0,
      input.email,
      input.passwordHash,
      new Set(['user']),
      'active',
      false,
    );
    account.record({
      ...AccountRegisteredEvent,
      id: stamp.eventId,
      occurredAt: stamp.at.toISOString(),
      payload: { email: input.email.value, name },
    });
    return account;
  }

  // The kernel's one rule of a name, the users context's too, so a registration the users context would refuse
  // is refused here, before an account exists.
  static #checkName(raw: string): string {
    const problem = DisplayName.problemOf(raw);
    if (problem !== null) throw AuthErrors.invalidName(problem);
    return DisplayName.normalise(raw);
  }

  /** Rebuilds an account from storage; the `user` role is always present. */
  static restore(snapshot: AccountSnapshot): Account {
    const roles = new Set<Role>(['user', ...snapshot.roles]);
    const email = Email.parse(snapshot.email);
    return new Account(
      snapshot.id,
      snapshot.version,
      email,
      snapshot.passwordHash,
      roles,
      snapshot.status,
      snapshot.emailVerified,
    );
  }

  get email(): Email {
    return this.currentEmail;
  }

  get passwordHash(): string {
    return this.currentHash;
  }

  /** Held roles in the canonical order of `ROLES`. */
  get roles(): readonly Role[] {
    return ROLES.filter((role) => this.heldRoles.has(role));
  }

  get status(): AccountStatus {
    return this.currentStatus;
  }

  get emailVerified(): boolean {
    return this.verified;
  }

  get isActive(): boolean {
    return this.currentStatus === 'active';
  }

  hasRole(role: Role): boolean {
    return this.heldRoles.has(role);
  }

  /** Adds a role; holding it already is not an error and records nothing. */
  grantRole(role: Role, stamp: Stamp): void {
    if (this.heldRoles.has(role)) return;
    this.heldRoles.add(role);
    this.record({
      ...RoleGrantedEvent,
      id: stamp.eventId,
      occurredAt: stamp.at.toISOString(),
      payload: { role },
    });
  }

  /** Removes a role; not holding it records nothing. Throws `auth.user_role_required` for `user`. */
  revokeRole(role: Role, stamp: Stamp): void {
    if (role === 'user') throw AuthErrors.userRoleRequired();
    if (!this.heldRoles.delete(role)) return;
    this.record({
      ...RoleRevokedEvent,
      id: stamp.eventId,
      occurredAt: stamp.at.toISOString(),
      payload: { role },
    });
  }

  /** Stops sign-ins (the user was deactivated); already disabled records nothing. */
  disable(stamp: Stamp): void {
    if (this.currentStatus === 'disabled') return;
    this.currentStatus = 'disabled';
    this.record({
      ...AccountDisabledEvent,
      id: stamp.eventId,
      occurredAt: stamp.at.toISOString(),
      payload: {},
    });
  }

  /** Allows sign-ins again (the user was reactivated); already active records nothing. */
  enable(stamp: Stamp): void {
    if (this.currentStatus === 'active') return;
    this.currentStatus = 'active';
    this.record({
      ...AccountEnabledEvent,
      id: stamp.eventId,
      occurredAt: stamp.at.toISOString(),
      payload: {},
    });
  }

  /**
   * Replaces the hash with a stronger one of the same password (rehash on sign-in). It records no event and so
   * leaves the version unchanged: losing a rehash to a concurrent writer costs nothing but a later rehash.
   */
  changePasswordHash(passwordHash: string): void {
    this.currentHash = passwordHash;
  }

  /**
   * Asks for a verification email with a link for `linkId`. Throws conflict `auth.email_already_verified` when
   * the email is verified already.
   */
  requestEmailVerification(linkId: string, stamp: Stamp, reminder = false): void {
    if (this.verified) throw AuthErrors.emailAlreadyVerified();
    this.record({
      ...EmailVerificationRequestedEvent,
      id: stamp.eventId,
      occurredAt: stamp.at.toISOString(),
      payload: { linkId, email: this.currentEmail.value, reminder },
    });
  }

  /** Marks the email verified (its owner followed a valid link); verified already records nothing. */
  verifyEmail(stamp: Stamp): void {
    if (this.verified) return;
    this.verified = true;
    this.record({
      ...EmailVerifiedEvent,
      id: stamp.eventId,
      occurredAt: stamp.at.toISOString(),
      payload: { email: this.currentEmail.value },
    });
  }

  /** Asks for a password-reset email with a link for `linkId`; only an active account gets one. */
  requestPasswordReset(linkId: string, stamp: Stamp): void {
    if (!this.isActive) throw AuthErrors.accountNotFound();
    this.record({
      ...PasswordResetRequestedEvent,
      id: stamp.eventId,
      occurredAt: stamp.at.toISOString(),
      payload: { linkId, email: this.currentEmail.value },
    });
  }

  /** Replaces the password (its new hash), through a reset link or by the owner knowing the current one. */
  changePassword(passwordHash: string, via: PasswordChangeKind, stamp: Stamp): void {
    this.currentHash = passwordHash;
    this.record({
      ...PasswordChangedEvent,
      id: stamp.eventId,
      occurredAt: stamp.at.toISOString(),
      payload: { via },
    });
  }

  /** Notes that someone tried to register with this account's email, so its owner is told. */
  registrationAttempted(stamp: Stamp): void {
    this.record({
      ...RegistrationAttemptedEvent,
      id: stamp.eventId,
      occurredAt: stamp.at.toISOString(),
      payload: { email: this.currentEmail.value },
    });
  }

  toSnapshot(): AccountSnapshot {
    return {
      id: this.id,
      email: this.currentEmail.value,
      passwordHash: this.currentHash,
      roles: this.roles,
      status: this.currentStatus,
      emailVerified: this.verified,
      version: this.version,
    };
  }
}
