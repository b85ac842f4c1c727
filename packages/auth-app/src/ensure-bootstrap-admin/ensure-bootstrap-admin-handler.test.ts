import { type Principal, SYSTEM_PRINCIPAL } from '@contextflow/core';
import { describe, expect, it } from 'vitest';
import { aCommand, anAccount, aUser, createAuthFakes } from '../testing/index.js';
import type { EnsureBootstrapAdminCommand } from './ensure-bootstrap-admin-command.js';
import { EnsureBootstrapAdminHandler } from './ensure-bootstrap-admin-handler.js';

function setUp() {
  const fakes = createAuthFakes();
  const handler = new EnsureBootstrapAdminHandler(fakes.accounts, fakes.ids, fakes.clock);
  const ensure = (
    actor: Principal | null = SYSTEM_PRINCIPAL,
    // null: no hash in the payload
    passwordHash: string | null = 'fake-hash:bootstrap secret',
  ) =>
    handler.handle(
      aCommand<EnsureBootstrapAdminCommand>(
        'auth.ensure-bootstrap-admin',
        { email: 'Root@Example.com', ...(passwordHash === null ? {} : { passwordHash }) },
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

  it('changes nothing when run again, not even the password', async () => {
    const { ensure, accounts } = setUp();
    const first = await ensure();
    const second = await ensure(SYSTEM_PRINCIPAL, 'fake-hash:another secret');
    expect(second).toEqual({ accountId: first.accountId, created: false });
    expect(accounts.published).toHaveLength(2);
    expect(accounts.snapshotOf(first.accountId)?.passwordHash).toBe('fake-hash:bootstrap secret');
  });

  it('needs no password hash for an account that exists, and refuses to create one without it', async () => {
    const { ensure, accounts, handler } = setUp();
    await expect(ensure(SYSTEM_PRINCIPAL, null)).rejects.toThrow(
      expect.objectContaining({ code: 'auth.bootstrap_password_needed' }),
    );
    expect(accounts.published).toEqual([]);
    const first = await ensure();
    expect(await ensure(SYSTEM_PRINCIPAL, null)).toEqual({ accountId: first.accountId, created: false });
    const existing = anAccount().withEmail('other@example.com').build();
    accounts.seed(existing);
    const promoted = await handler.handle(
      aCommand<EnsureBootstrapAdminCommand>(
        'auth.ensure-bootstrap-admin',
        { email: 'other@example.com' },
        SYSTEM_PRINCIPAL,
      ),
    );
    expect(promoted).toEqual({ accountId: existing.id, created: false });
    expect(accounts.snapshotOf(existing.id)?.roles).toEqual(['user', 'admin']);
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
