import { describe, expect, it } from 'vitest';
import { AccessTokenAuthenticator } from '../authenticate-access-token/access-token-authenticator.js';
import { aCommand, anAccount, aUser, createAuthFakes } from '../testing/index.js';
import type { LogoutAllCommand } from './logout-all-command.js';
import { LogoutAllHandler } from './logout-all-handler.js';

async function setUp() {
  const fakes = createAuthFakes();
  const account = anAccount().build();
  const other = anAccount().withEmail('bob@example.com').build();
  fakes.accounts.seed(account, other);
  const handler = new LogoutAllHandler(fakes.sessions, fakes.devices, fakes.clock);
  const logoutAll = (userId: string | null) =>
    handler.handle(aCommand<LogoutAllCommand>('auth.logout-all', {}, userId === null ? null : aUser(userId)));
  const authenticator = new AccessTokenAuthenticator(fakes.accessTokens, fakes.sessionStatus, fakes.clock);
  return { ...fakes, account, other, logoutAll, authenticator };
}

describe('LogoutAllHandler', () => {
  it("ends every session of the caller's account, the calling one included, and no one else's", async () => {
    const { sessionStarter, account, other, logoutAll, authenticator } = await setUp();
    const here = await sessionStarter.start(account);
    const elsewhere = await sessionStarter.start(account);
    const bobs = await sessionStarter.start(other);
    expect(await logoutAll(account.id)).toEqual({ sessionsRevoked: 2, deviceTokensRevoked: 0 });
    expect(await authenticator.authenticate(here.accessToken)).toBeNull();
    expect(await authenticator.authenticate(elsewhere.accessToken)).toBeNull();
    expect(await authenticator.authenticate(bobs.accessToken)).not.toBeNull();
  });

  it("revokes the account's device tokens", async () => {
    const { devices, account, other, logoutAll } = await setUp();
    const token = await devices.issue(account.id);
    await devices.issue(account.id);
    await devices.issue(other.id);
    expect((await logoutAll(account.id)).deviceTokensRevoked).toBe(2);
    expect(await devices.find(token)).toBeNull();
    expect(devices.tokensOf(other.id)).toHaveLength(1);
  });

  it('refuses a caller who is not signed in', async () => {
    const { logoutAll } = await setUp();
    await expect(logoutAll(null)).rejects.toThrow(expect.objectContaining({ code: 'auth.unauthenticated' }));
  });
});
