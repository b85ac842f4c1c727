import { describe, expect, it } from 'vitest';
import { anAccount, createAuthFakes } from '../testing/index.js';
import { AccessTokenAuthenticator } from './access-token-authenticator.js';

async function setUp() {
  const fakes = createAuthFakes();
  const account = anAccount().build();
  fakes.accounts.seed(account);
  const tokens = await fakes.sessionStarter.start(account);
  const authenticator = new AccessTokenAuthenticator(fakes.accessTokens, fakes.sessionStatus, fakes.clock);
  const sessionId = fakes.sessions.sessionsOf(account.id)[0]?.id;
  return { ...fakes, account, tokens, authenticator, sessionId };
}

describe('AccessTokenAuthenticator', () => {
  it('answers the principal of a token whose session is live', async () => {
    const { authenticator, tokens, account, sessionId } = await setUp();
    expect(await authenticator.authenticate(tokens.accessToken)).toEqual({
      userId: account.id,
      roles: ['user'],
      sessionId,
    });
  });

  it('answers null for a token the verifier rejects', async () => {
    const { authenticator } = await setUp();
    expect(await authenticator.authenticate('forged')).toBeNull();
  });

  it('answers null once the session has expired', async () => {
    const { authenticator, tokens, clock, settings } = await setUp();
    clock.advance(settings.refreshTokenTtlSeconds * 1000);
    expect(await authenticator.authenticate(tokens.accessToken)).toBeNull();
  });

  it('takes the roles from the account as it is now', async () => {
    const { authenticator, tokens, accounts, account } = await setUp();
    accounts.seed(anAccount().withId(account.id).withRole('admin').build());
    expect((await authenticator.authenticate(tokens.accessToken))?.roles).toEqual(['user', 'admin']);
  });

  it('answers null when the account is disabled', async () => {
    const { authenticator, tokens, accounts, account } = await setUp();
    accounts.seed(anAccount().withId(account.id).disabled().build());
    expect(await authenticator.authenticate(tokens.accessToken)).toBeNull();
  });
});
