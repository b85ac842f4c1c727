import { describe, expect, it } from 'vitest';
import { aCommand, anAccount, anAdmin, aUser, createAuthFakes } from '../testing/index.js';
import type { RevokeRoleCommand } from './revoke-role-command.js';
import { RevokeRoleHandler } from './revoke-role-handler.js';

function setUp() {
  const fakes = createAuthFakes();
  const account = anAccount().withRole('admin').build();
  fakes.accounts.seed(account);
  const handler = new RevokeRoleHandler(fakes.accounts, fakes.ids, fakes.clock);
  const revoke = (role: string, actor = anAdmin(), accountId = account.id) =>
    handler.handle(aCommand<RevokeRoleCommand>('auth.revoke-role', { accountId, role }, actor));
  return { ...fakes, account, revoke };
}

describe('RevokeRoleHandler', () => {
  it('lets an admin revoke a role and publishes it', async () => {
    const { revoke, account, accounts } = setUp();
    expect(await revoke('admin')).toEqual({ accountId: account.id, roles: ['user'] });
    expect(accounts.published).toEqual([
      expect.objectContaining({
        type: 'auth.role-revoked',
        aggregateId: account.id,
        payload: { role: 'admin' },
      }),
    ]);
  });

  it('succeeds without an event when the role is not held', async () => {
    const { revoke, accounts } = setUp();
    await revoke('admin');
    await revoke('admin');
    expect(accounts.published).toHaveLength(1);
  });

  it('refuses to revoke the user role', async () => {
    const { revoke } = setUp();
    await expect(revoke('user')).rejects.toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'auth.user_role_required' }),
    );
  });

  it('forbids a non-admin, even revoking from their own account', async () => {
    const { revoke, account, accounts } = setUp();
    await expect(revoke('admin', aUser(account.id))).rejects.toThrow(
      expect.objectContaining({ code: 'auth.admin_only' }),
    );
    expect(accounts.snapshotOf(account.id)?.roles).toEqual(['user', 'admin']);
  });

  it('answers not found for an unknown account', async () => {
    const { revoke } = setUp();
    await expect(revoke('admin', anAdmin(), 'missing')).rejects.toThrow(
      expect.objectContaining({ code: 'auth.account_not_found' }),
    );
  });
});
