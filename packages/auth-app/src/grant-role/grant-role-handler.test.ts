import type { Principal } from '@contextflow/core';
import { describe, expect, it } from 'vitest';
import { aCommand, anAccount, anAdmin, aUser, createAuthFakes } from '../testing/index.js';
import type { GrantRoleCommand } from './grant-role-command.js';
import { GrantRoleHandler } from './grant-role-handler.js';

function setUp() {
  const fakes = createAuthFakes();
  const account = anAccount().build();
  fakes.accounts.seed(account);
  const handler = new GrantRoleHandler(fakes.accounts, fakes.ids, fakes.clock);
  const grant = (role: string, actor: Principal | null = anAdmin(), accountId = account.id) =>
    handler.handle(aCommand<GrantRoleCommand>('auth.grant-role', { accountId, role }, actor));
  return { ...fakes, account, grant };
}

describe('GrantRoleHandler', () => {
  it('lets an admin grant a role and publishes it', async () => {
    const { grant, account, accounts } = setUp();
    expect(await grant('admin')).toEqual({ accountId: account.id, roles: ['user', 'admin'] });
    expect(accounts.published).toEqual([
      expect.objectContaining({
        type: 'auth.role-granted',
        aggregateId: account.id,
        payload: { role: 'admin' },
      }),
    ]);
  });

  it('succeeds without a change or an event when the role is already held', async () => {
    const { grant, accounts } = setUp();
    await grant('admin');
    await grant('admin');
    expect(accounts.published).toHaveLength(1);
  });

  it('forbids anyone but an admin, anonymous callers included', async () => {
    const { grant, accounts, account } = setUp();
    await expect(grant('admin', aUser(account.id))).rejects.toThrow(
      expect.objectContaining({ kind: 'forbidden', code: 'auth.admin_only' }),
    );
    await expect(grant('admin', null)).rejects.toThrow(expect.objectContaining({ code: 'auth.admin_only' }));
    expect(accounts.snapshotOf(account.id)?.roles).toEqual(['user']);
  });

  it('answers not found for an unknown account', async () => {
    const { grant } = setUp();
    await expect(grant('admin', anAdmin(), '01900000-0000-7000-8000-00000000dead')).rejects.toThrow(
      expect.objectContaining({ kind: 'not_found', code: 'auth.account_not_found' }),
    );
  });

  it('rejects an unknown role', async () => {
    const { grant } = setUp();
    await expect(grant('root')).rejects.toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'auth.unknown_role' }),
    );
  });
});
