import {
  Account,
  AccountRegisteredEvent,
  Email,
  EmailVerificationRequestedEvent,
  EmailVerifiedEvent,
  PasswordResetRequestedEvent,
  RegistrationAttemptedEvent,
  RoleGrantedEvent,
  RoleRevokedEvent,
  type Stamp,
} from '@contextflow/auth-domain';
import { eventRoutingKey } from '@contextflow/core';
import { SequentialIds } from '@contextflow/core/testing';
import { describe, expect, it } from 'vitest';
import { AccountRegisteredV1 } from './account-registered-v1.js';
import { AuthEventTypes, AuthRoutingKeys } from './auth-event-types.js';
import { EmailVerificationRequestedV1 } from './email-verification-requested-v1.js';
import { EmailVerifiedV1 } from './email-verified-v1.js';
import { PasswordResetRequestedV1 } from './password-reset-requested-v1.js';
import { RegistrationAttemptedV1 } from './registration-attempted-v1.js';
import { RoleGrantedV1 } from './role-granted-v1.js';
import { RoleRevokedV1 } from './role-revoked-v1.js';

const ids = new SequentialIds();
const stamp = (): Stamp => ({ eventId: ids.next(), at: new Date('2026-03-01T12:00:00.000Z') });

function eventsOfALifetime() {
  const account = Account.register(
    { id: ids.next(), email: Email.parse('alice@example.com'), passwordHash: '$argon2id$x', name: 'Alice' },
    stamp(),
  );
  account.grantRole('admin', stamp());
  account.revokeRole('admin', stamp());
  account.requestEmailVerification(ids.next(), stamp());
  account.verifyEmail(stamp());
  account.requestPasswordReset(ids.next(), stamp());
  account.registrationAttempted(stamp());
  // Through JSON, as the events travel through the outbox and the broker.
  return JSON.parse(JSON.stringify(account.pullEvents())) as unknown[];
}

describe('auth contracts', () => {
  it('parse the events the Account aggregate records', () => {
    const [registered, granted, revoked, verification, verified, reset, attempted] = eventsOfALifetime();
    expect(AccountRegisteredV1.parse(registered).payload).toEqual({
      email: 'alice@example.com',
      name: 'Alice',
    });
    expect(RoleGrantedV1.parse(granted).payload).toEqual({ role: 'admin' });
    expect(RoleRevokedV1.parse(revoked).payload).toEqual({ role: 'admin' });
    expect(EmailVerificationRequestedV1.parse(verification).payload).toEqual({
      linkId: expect.any(String),
      email: 'alice@example.com',
      reminder: false,
    });
    expect(EmailVerifiedV1.parse(verified).payload).toEqual({ email: 'alice@example.com' });
    expect(PasswordResetRequestedV1.parse(reset).payload).toEqual({
      linkId: expect.any(String),
      email: 'alice@example.com',
    });
    expect(RegistrationAttemptedV1.parse(attempted).payload).toEqual({ email: 'alice@example.com' });
  });

  it('reject an event of another type or version', () => {
    const [registered, granted] = eventsOfALifetime();
    expect(AccountRegisteredV1.safeParse(granted).success).toBe(false);
    expect(AccountRegisteredV1.safeParse({ ...(registered as object), version: 2 }).success).toBe(false);
  });

  it('ignore fields a producer adds later', () => {
    const [registered] = eventsOfALifetime();
    const parsed = AccountRegisteredV1.parse({ ...(registered as object), extra: true });
    expect(parsed).not.toHaveProperty('extra');
  });

  it('name the same wire types and routing keys as the domain events', () => {
    expect(AuthEventTypes).toEqual({
      accountRegistered: AccountRegisteredEvent.type,
      roleGranted: RoleGrantedEvent.type,
      roleRevoked: RoleRevokedEvent.type,
      emailVerificationRequested: EmailVerificationRequestedEvent.type,
      emailVerified: EmailVerifiedEvent.type,
      passwordResetRequested: PasswordResetRequestedEvent.type,
      registrationAttempted: RegistrationAttemptedEvent.type,
    });
    expect(AuthRoutingKeys).toEqual({
      accountRegisteredV1: eventRoutingKey(AccountRegisteredEvent),
      roleGrantedV1: eventRoutingKey(RoleGrantedEvent),
      roleRevokedV1: eventRoutingKey(RoleRevokedEvent),
      emailVerificationRequestedV1: eventRoutingKey(EmailVerificationRequestedEvent),
      emailVerifiedV1: eventRoutingKey(EmailVerifiedEvent),
      passwordResetRequestedV1: eventRoutingKey(PasswordResetRequestedEvent),
      registrationAttemptedV1: eventRoutingKey(RegistrationAttemptedEvent),
    });
  });
});
