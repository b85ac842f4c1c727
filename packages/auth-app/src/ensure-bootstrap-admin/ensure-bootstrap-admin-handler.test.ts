import { type Principal, SYSTEM_PRINCIPAL } from '@contextflow/core';
import { describe, expect, it } from 'vitest';
import { aCommand, anAccount, aUser, createAuthFakes } from '../testing/index.js';
import type { EnsureBootstrapAdminCommand } from './ensure-bootstrap-admin-command.js';
import { EnsureBootstrapAdminHandler } from './ensure-bootstrap-admin-handler.js';

const OPERATOR_PASSWORD = 'bootstrap secret';

function setUp() {
  const fakes = createAuthFakes();
  const handler = new EnsureBootstrapAdminHandler(fakes.accounts, fakes.hasher, fakes.ids, fakes.clock);
  const ensure = (password = OPERATOR_PASSWORD, actor: Principal | null = SYSTEM_PRINCIPAL) =>
    handler.handle(
      aCommand<EnsureBootstrapAdminCommand>(
        'auth.ensure-bootstrap-admin',
        { email: 'Root@Example.com', password },
        actor,
      ),
    );
  return { ...fakes, handler, ensure };
}

describe('EnsureBootstrapAdminHandler', () => {
  it('creates the account with the admin role and announces its registration', async () => {
    const { ensure, accounts } = setUp();
    const { accountId, created } = await ensure();
    expect(created).toBe(true);
    expect(accounts.snapshotOf(accountId)).toEqual(
      expect.objectContaining({
        email: 'root@example.com',
        roles: ['user', 'admin'],
        passwordHash: 'fake-hash:bootstrap secret',
      }),
    );
    expect(accounts.published.map((event) => [event.type, event.payload])).toEqual([
      ['auth.account-registered', { email: 'root@example.com', name: 'Administrator' }],
      ['auth.role-granted', { role: 'admin' }],
    ]);
  });

  it('changes nothing and hashes nothing when the account is an admin already, whatever password is given', async () => {
    const { ensure, accounts, hasher } = setUp();
    const first = await ensure();
    const before = hasher.verifications;
    expect(await ensure('another secret')).toEqual({ accountId: first.accountId, created: false });
    expect(hasher.verifications).toBe(before);
    expect(accounts.published).toHaveLength(2);
    expect(accounts.snapshotOf(first.accountId)?.passwordHash).toBe('fake-hash:bootstrap secret');
  });

  it('promotes an existing account whose password is the configured one', async () => {
    const { ensure, accounts } = setUp();
    const existing = anAccount().withEmail('root@example.com').withPassword(OPERATOR_PASSWORD).build();
    accounts.seed(existing);
    expect(await ensure()).toEqual({ accountId: existing.id, created: false });
    expect(accounts.snapshotOf(existing.id)?.roles).toEqual(['user', 'admin']);
  });

  it('refuses to promote an account someone else registered with the bootstrap address (takeover)', async () => {
    const { ensure, accounts } = setUp();
    const attacker = anAccount().withEmail('root@example.com').withPassword('attacker chosen').build();
    accounts.seed(attacker);
    await expect(ensure()).rejects.toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'auth.bootstrap_password_mismatch' }),
    );
    expect(accounts.snapshotOf(attacker.id)?.roles).toEqual(['user']);
    expect(accounts.published).toEqual([]);
  });

  it('does not give back an admin role that was revoked unless the configured password proves the operator', async () => {
    const { ensure, accounts } = setUp();
    const revoked = anAccount().withEmail('root@example.com').withPassword(OPERATOR_PASSWORD).build();
    accounts.seed(revoked);
    await expect(ensure('a guessed password')).rejects.toThrow(
      expect.objectContaining({ code: 'auth.bootstrap_password_mismatch' }),
    );
    expect(accounts.snapshotOf(revoked.id)?.roles).toEqual(['user']);
    await ensure(OPERATOR_PASSWORD);
    expect(accounts.snapshotOf(revoked.id)?.roles).toEqual(['user', 'admin']);
  });

  it('runs only for the system or an admin', async () => {
    const { ensure } = setUp();
    await expect(ensure(OPERATOR_PASSWORD, aUser())).rejects.toThrow(
      expect.objectContaining({ code: 'auth.admin_only' }),
    );
    await expect(ensure(OPERATOR_PASSWORD, null)).rejects.toThrow(
      expect.objectContaining({ code: 'auth.admin_only' }),
    );
  });
});
