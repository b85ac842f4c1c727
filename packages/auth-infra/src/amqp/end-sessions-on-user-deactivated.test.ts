import { AccessTokenAuthenticator } from '@contextflow/auth-app';
import { anAccount, createAuthFakes } from '@contextflow/auth-app/testing';
import type { DomainEvent } from '@contextflow/core';
import { describe, expect, it } from 'vitest';
import { EndSessionsOnUserDeactivated } from './end-sessions-on-user-deactivated.js';

const deactivated = (userId: string): DomainEvent => ({
  id: '01900000-0000-7000-8000-0000000000e1',
  type: 'users.user-deactivated',
  version: 1,
  occurredAt: '2026-03-01T12:00:00.000Z',
  aggregateId: userId,
  aggregateVersion: 3,
  payload: {},
});

async function setUp() {
  const fakes = createAuthFakes();
  const account = anAccount().build();
  const other = anAccount().withEmail('bob@example.com').build();
  fakes.accounts.seed(account, other);
  const tokens = [await fakes.sessionStarter.start(account), await fakes.sessionStarter.start(account)];
  const otherTokens = await fakes.sessionStarter.start(other);
  const reaction = new EndSessionsOnUserDeactivated(fakes.accounts, fakes.sessions, fakes.ids, fakes.clock);
  const authenticator = new AccessTokenAuthenticator(fakes.accessTokens, fakes.sessionStatus, fakes.clock);
  return { ...fakes, account, other, tokens, otherTokens, reaction, authenticator };
}

describe('EndSessionsOnUserDeactivated', () => {
  it('disables the account and revokes every session of it, so its access tokens stop working', async () => {
    const { reaction, account, accounts, sessions, tokens, authenticator } = await setUp();
    await reaction.handle(deactivated(account.id));
    expect(accounts.snapshotOf(account.id)?.status).toBe('disabled');
    expect(sessions.sessionsOf(account.id).map((session) => session.toSnapshot().revokedReason)).toEqual([
      'account_disabled',
      'account_disabled',
    ]);
    for (const { accessToken } of tokens) expect(await authenticator.authenticate(accessToken)).toBeNull();
  });

  it('leaves other accounts signed in', async () => {
    const { reaction, account, otherTokens, authenticator } = await setUp();
    await reaction.handle(deactivated(account.id));
    expect(await authenticator.authenticate(otherTokens.accessToken)).not.toBeNull();
  });

  it('changes nothing more when the same event arrives again', async () => {
    const { reaction, account, accounts } = await setUp();
    await reaction.handle(deactivated(account.id));
    await reaction.handle(deactivated(account.id));
    expect(accounts.published.map((event) => event.type)).toEqual(['auth.account-disabled']);
  });

  it('ignores a user that has no account', async () => {
    const { reaction } = await setUp();
    await expect(
      reaction.handle(deactivated('01900000-0000-7000-8000-00000000dead')),
    ).resolves.toBeUndefined();
  });

  it('binds the users context event by its routing key', () => {
    expect(EndSessionsOnUserDeactivated.events).toEqual(['users.user-deactivated.v1']);
  });
});
