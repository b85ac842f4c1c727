import { anAccount, createAuthFakes } from '@contextflow/auth-app/testing';
import type { DomainEvent } from '@contextflow/core';
import { describe, expect, it } from 'vitest';
import { EnableAccountOnUserReactivated } from './enable-account-on-user-reactivated.js';

const reactivated = (userId: string): DomainEvent => ({
  id: '01900000-0000-7000-8000-0000000000e2',
  type: 'users.user-reactivated',
  version: 1,
  occurredAt: '2026-03-01T12:00:00.000Z',
  aggregateId: userId,
  aggregateVersion: 4,
  payload: {},
});

describe('EnableAccountOnUserReactivated', () => {
  it('lets a disabled account sign in again, once, however often the event arrives', async () => {
    const fakes = createAuthFakes();
    const account = anAccount().disabled().build();
    fakes.accounts.seed(account);
    const reaction = new EnableAccountOnUserReactivated(fakes.accounts, fakes.ids, fakes.clock);
    await reaction.handle(reactivated(account.id));
    await reaction.handle(reactivated(account.id));
    expect(fakes.accounts.snapshotOf(account.id)?.status).toBe('active');
    expect(fakes.accounts.published.map((event) => event.type)).toEqual(['auth.account-enabled']);
  });

  it('ignores a user that has no account', async () => {
    const fakes = createAuthFakes();
    const reaction = new EnableAccountOnUserReactivated(fakes.accounts, fakes.ids, fakes.clock);
    await expect(reaction.handle(reactivated('missing'))).resolves.toBeUndefined();
    expect(fakes.accounts.published).toEqual([]);
  });
});
