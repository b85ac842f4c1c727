import { describe, expect, it } from 'vitest';
import { AccessTokenAuthenticator } from '../authenticate-access-token/access-token-authenticator.js';
import { aCommand, anAccount, createAuthFakes } from '../testing/index.js';
import type { LogoutCommand } from './logout-command.js';
import { LogoutHandler } from './logout-handler.js';

async function setUp() {
  const fakes = createAuthFakes();
  const account = anAccount().build();
  fakes.accounts.seed(account);
  const tokens = await fakes.sessionStarter.start(account);
  const handler = new LogoutHandler(fakes.sessions, fakes.refreshTokens, fakes.ids, fakes.clock);
  const logout = (refreshToken: string) =>
    handler.handle(aCommand<LogoutCommand>('auth.logout', { refreshToken }));
  const authenticator = new AccessTokenAuthenticator(fakes.accessTokens, fakes.sessionStatus, fakes.clock);
  return { ...fakes, account, tokens, logout, authenticator };
}

describe('LogoutHandler', () => {
  it('revokes the session, which ends its access token too', async () => {
    const { logout, tokens, authenticator, sessions, account } = await setUp();
    expect(await authenticator.authenticate(tokens.accessToken)).not.toBeNull();
    await logout(tokens.refreshToken);
    expect(sessions.sessionsOf(account.id)[0]?.toSnapshot()).toEqual(
      expect.objectContaining({ status: 'revoked', revokedReason: 'logout' }),
    );
    expect(await authenticator.authenticate(tokens.accessToken)).toBeNull();
  });

  it('succeeds for an unknown token and changes nothing', async () => {
    const { logout, sessions, account } = await setUp();
    await expect(logout('never-issued')).resolves.toBeUndefined();
    expect(sessions.sessionsOf(account.id)[0]?.status).toBe('active');
  });

  it('succeeds again for a token already logged out, recording one revocation', async () => {
    const { logout, tokens, sessions } = await setUp();
    await logout(tokens.refreshToken);
    await logout(tokens.refreshToken);
    expect(sessions.published.filter((event) => event.type === 'auth.session-revoked')).toHaveLength(1);
  });
});
