import { type Principal, SYSTEM_PRINCIPAL } from '@contextflow/core';
import { describe, expect, it } from 'vitest';
import { aCommand, anAccount, aUser, createAuthFakes } from '../testing/index.js';
import type { EnsureBootstrapAdminCommand } from './ensure-bootstrap-admin-command.js';
import { EnsureBootstrapAdminHandler } from './ensure-bootstrap-admin-handler.js';

function setUp() {
  const fakes = createAuthFakes();
  const handler = new EnsureBootstrapAdminHandler(fakes.accounts, fakes.ids, fakes.clock);
  const ensure = (actor: Principal | null = SYSTEM_PRINCIPAL, passwordHash = 'fake-hash:bootstrap secret') =>
    handler.handle(
      aCommand<EnsureBootstrapAdminCommand>(
        'auth.ensure-bootstrap-admin',
        { email: 'Root@Example.com', passwordHash },
        actor,
      ),
    );
  return { ...fakes, ensure };
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

  it('changes nothing when run again, not even the password', async () => {
    const { ensure, accounts } = setUp();
    const first = await ensure();
    const second = await ensure(SYSTEM_PRINCIPAL, 'fake-hash:another secret');
    expect(second).toEqual({ accountId: first.accountId, created: false });
    expect(accounts.published).toHaveLength(2);
    expect(accounts.snapshotOf(first.accountId)?.passwordHash).toBe('fake-hash:bootstrap secret');
  });

  it('promotes an existing account with that email', async () => {
    const { ensure, accounts } = setUp();
    const existing = anAccount().withEmail('root@example.com').build();
    accounts.seed(existing);
    expect(await ensure()).toEqual({ accountId: existing.id, created: false });
    expect(accounts.snapshotOf(existing.id)?.roles).toEqual(['user', 'admin']);
  });

  it('runs only for the system or an admin', async () => {
    const { ensure } = setUp();
    await expect(ensure(aUser())).rejects.toThrow(expect.objectContaining({ code: 'auth.admin_only' }));
    await expect(ensure(null)).rejects.toThrow(expect.objectContaining({ code: 'auth.admin_only' }));
  });
});
