import { describe, expect, it } from 'vitest';
import { Account } from './account.js';
import { Email } from './email.js';
import type { Stamp } from './stamp.js';

let n = 0;
const stamp = (): Stamp => ({ eventId: `event-${++n}`, at: new Date('2026-03-01T12:00:00.000Z') });
const register = (name = 'Alice') =>
  Account.register(
    { id: 'account-1', email: Email.parse('alice@example.com'), passwordHash: '$argon2id$secret', name },
    stamp(),
  );

describe('Account', () => {
  it('registers an active account holding only the user role', () => {
    const account = register();
    expect(account.roles).toEqual(['user']);
    expect(account.isActive).toBe(true);
    expect(account.version).toBe(1);
    expect(account.persistedVersion).toBe(0);
  });

  it('records the registration with the email and name but never the password hash', () => {
    const [event] = register(' Alice Smith ').pendingEvents;
    expect(event).toEqual(
      expect.objectContaining({
        type: 'auth.account-registered',
        version: 1,
        aggregateId: 'account-1',
        aggregateVersion: 1,
        occurredAt: '2026-03-01T12:00:00.000Z',
        payload: { email: 'alice@example.com', name: 'Alice Smith' },
      }),
    );
    expect(JSON.stringify(event)).not.toContain('argon2');
  });

  it('rejects a blank, overlong or multi-line name with a pointer to /name', () => {
    for (const name of ['  ', 'x'.repeat(101), 'Alice\nSmith']) {
      expect(() => register(name)).toThrow(
        expect.objectContaining({
          code: 'auth.invalid_name',
          issues: [expect.objectContaining({ pointer: '/name' })],
        }),
      );
    }
  });

  it('grants a role once and records nothing when it is already held', () => {
    const account = register();
    account.pullEvents();
    account.grantRole('admin', stamp());
    account.grantRole('admin', stamp());
    expect(account.roles).toEqual(['user', 'admin']);
    expect(account.pullEvents().map((event) => [event.type, event.payload])).toEqual([
      ['auth.role-granted', { role: 'admin' }],
    ]);
  });

  it('revokes a held role and records nothing when it is not held', () => {
    const account = register();
    account.grantRole('admin', stamp());
    account.pullEvents();
    account.revokeRole('admin', stamp());
    account.revokeRole('admin', stamp());
    expect(account.roles).toEqual(['user']);
    expect(account.pullEvents().map((event) => [event.type, event.payload])).toEqual([
      ['auth.role-revoked', { role: 'admin' }],
    ]);
  });

  it('refuses to revoke the user role', () => {
    const account = register();
    expect(() => account.revokeRole('user', stamp())).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'auth.user_role_required' }),
    );
    expect(account.roles).toEqual(['user']);
  });

  it('disables and enables idempotently, one event per real change', () => {
    const account = register();
    account.pullEvents();
    account.disable(stamp());
    account.disable(stamp());
    expect(account.isActive).toBe(false);
    account.enable(stamp());
    account.enable(stamp());
    expect(account.status).toBe('active');
    expect(account.pullEvents().map((event) => event.type)).toEqual([
      'auth.account-disabled',
      'auth.account-enabled',
    ]);
  });

  it('changes the password hash without recording an event or moving the version', () => {
    const account = register();
    account.pullEvents();
    account.changePasswordHash('$argon2id$stronger');
    expect(account.passwordHash).toBe('$argon2id$stronger');
    expect(account.version).toBe(1);
    expect(account.pendingEvents).toHaveLength(0);
  });

  it('round-trips through its snapshot and always keeps the user role', () => {
    const account = register();
    account.grantRole('admin', stamp());
    const snapshot = account.toSnapshot();
    expect(Account.restore(snapshot).toSnapshot()).toEqual(snapshot);
    expect(Account.restore({ ...snapshot, roles: ['admin'] }).roles).toEqual(['user', 'admin']);
  });

  it('starts unverified, asks for verification emails until verified, then refuses to', () => {
    const account = register();
    expect(account.emailVerified).toBe(false);
    account.requestEmailVerification('link-1', stamp());
    account.verifyEmail(stamp());
    account.verifyEmail(stamp());
    expect(account.emailVerified).toBe(true);
    expect(account.pendingEvents.map((event) => event.type)).toEqual([
      'auth.account-registered',
      'auth.email-verification-requested',
      'auth.email-verified',
    ]);
    expect(() => account.requestEmailVerification('link-2', stamp())).toThrow(
      expect.objectContaining({ code: 'auth.email_already_verified' }),
    );
    expect(Account.restore(account.toSnapshot()).emailVerified).toBe(true);
  });

  it('changes the password with an event that carries neither password nor hash', () => {
    const account = register();
    account.changePassword('$argon2id$new', 'reset', stamp());
    expect(account.passwordHash).toBe('$argon2id$new');
    const changed = account.pendingEvents.at(-1);
    expect(changed).toMatchObject({ type: 'auth.password-changed', payload: { via: 'reset' } });
    expect(JSON.stringify(changed)).not.toContain('argon2id');
  });

  it('asks for a reset email only for an active account', () => {
    const account = register();
    account.requestPasswordReset('link-1', stamp());
    expect(account.pendingEvents.at(-1)).toMatchObject({
      type: 'auth.password-reset-requested',
      payload: { linkId: 'link-1', email: 'alice@example.com' },
    });
    account.disable(stamp());
    expect(() => account.requestPasswordReset('link-2', stamp())).toThrow('There is no such account.');
  });
});
