import type { Session } from '@contextflow/auth-domain';
import { describe, expect, it } from 'vitest';
import { aCommand, anAccount, createAuthFakes } from '../testing/index.js';
import { tokensOrThrow } from '../sign-in/token-outcome.js';
import type { RefreshCommand } from './refresh-command.js';
import { RefreshHandler } from './refresh-handler.js';

async function setUp() {
  const fakes = createAuthFakes();
  const account = anAccount().build();
  fakes.accounts.seed(account);
  const first = await fakes.sessionStarter.start(account);
  const handler = new RefreshHandler(
    fakes.sessions,
    fakes.accounts,
    fakes.refreshTokens,
    fakes.accessTokens,
    fakes.throttle,
    fakes.ids,
    fakes.clock,
  );
  const refresh = (refreshToken: string, clientAddress = '203.0.113.7') =>
    handler.handle(aCommand<RefreshCommand>('auth.refresh', { refreshToken, clientAddress }));
  const [session] = fakes.sessions.sessionsOf(account.id);
  return { ...fakes, account, first, refresh, sessionId: session?.id ?? '' };
}

const refused = (code: string) => ({
  ok: false,
  error: expect.objectContaining({ kind: 'unauthorized', code }),
});

describe('RefreshHandler', () => {
  it('exchanges the refresh token for a new pair and the old refresh token stops working', async () => {
    const { refresh, first } = await setUp();
    const second = tokensOrThrow(await refresh(first.refreshToken));
    expect(second).toEqual({
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
      tokenType: 'Bearer',
      expiresIn: 900,
    });
    expect(tokensOrThrow(await refresh(second.refreshToken)).refreshToken).toBe('refresh-3');
  });

  it('revokes the whole family when an exchanged token is presented again, and both live tokens die', async () => {
    const { refresh, first, sessions, sessionId, sessionStatus, clock } = await setUp();
    const second = tokensOrThrow(await refresh(first.refreshToken));
    const third = tokensOrThrow(await refresh(second.refreshToken));
    expect(await refresh(first.refreshToken)).toEqual(refused('auth.refresh_token_reused'));
    expect(sessions.findById(sessionId)?.toSnapshot()).toEqual(
      expect.objectContaining({ status: 'revoked', revokedReason: 'reuse_detected' }),
    );
    expect(sessions.published.at(-1)).toEqual(
      expect.objectContaining({
        type: 'auth.session-revoked',
        payload: expect.objectContaining({ reason: 'reuse_detected' }),
      }),
    );
    expect(await refresh(third.refreshToken)).toEqual(refused('auth.invalid_refresh_token'));
    expect(await refresh(second.refreshToken)).toEqual(refused('auth.invalid_refresh_token'));
    expect(await sessionStatus.find(sessionId, clock.now())).toBeNull();
  });

  it('refuses an unknown token', async () => {
    const { refresh } = await setUp();
    expect(await refresh('made-up')).toEqual(refused('auth.invalid_refresh_token'));
  });

  it('refuses a token whose family has expired, even though it was never exchanged', async () => {
    const { refresh, first, clock, settings } = await setUp();
    clock.advance(settings.refreshTokenTtlSeconds * 1000);
    expect(await refresh(first.refreshToken)).toEqual(refused('auth.invalid_refresh_token'));
  });

  it('does not extend the family lifetime on rotation', async () => {
    const { refresh, first, clock, settings } = await setUp();
    clock.advance(settings.refreshTokenTtlSeconds * 1000 - 1000);
    const second = tokensOrThrow(await refresh(first.refreshToken));
    clock.advance(1000);
    expect(await refresh(second.refreshToken)).toEqual(refused('auth.invalid_refresh_token'));
  });

  it('refuses the token of a disabled account', async () => {
    const { refresh, first, accounts, account } = await setUp();
    accounts.seed(anAccount().withId(account.id).disabled().build());
    expect(await refresh(first.refreshToken)).toEqual(refused('auth.invalid_refresh_token'));
  });

  it('puts the account roles of now into the new access token', async () => {
    const { refresh, first, accounts, account, accessTokens } = await setUp();
    accounts.seed(anAccount().withId(account.id).withRole('admin').build());
    const tokens = tokensOrThrow(await refresh(first.refreshToken));
    expect((await accessTokens.verify(tokens.accessToken))?.roles).toEqual(['user', 'admin']);
  });

  it('rate-limits a client address that keeps presenting invalid tokens: its next invalid one gets 429', async () => {
    const { refresh } = await setUp();
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect(await refresh(`guess-${attempt}`)).toEqual(refused('auth.invalid_refresh_token'));
    expect(await refresh('guess-5')).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: 'rate_limited', code: 'auth.too_many_attempts' }),
    });
  });

  it('never refuses a valid refresh token, even from an address that sent many invalid ones (no lockout)', async () => {
    const { refresh, first } = await setUp();
    for (let attempt = 0; attempt < 50; attempt += 1) await refresh(`garbage-${attempt}`);
    expect(tokensOrThrow(await refresh(first.refreshToken)).refreshToken).toBe('refresh-2');
  });

  it('revokes a reused family even when the address is over its limit', async () => {
    const { refresh, first, sessions, sessionId } = await setUp();
    tokensOrThrow(await refresh(first.refreshToken));
    for (let attempt = 0; attempt < 5; attempt += 1) await refresh(`guess-${attempt}`);
    expect((await refresh(first.refreshToken)).ok).toBe(false);
    expect(sessions.findById(sessionId)?.status).toBe('revoked');
  });

  it('refuses the loser of two concurrent exchanges of one token without revoking the family', async () => {
    const fakes = createAuthFakes();
    const account = anAccount().build();
    fakes.accounts.seed(account);
    const first = await fakes.sessionStarter.start(account);
    // Both requests load the session before either saves: the second save finds the version moved.
    const { sessions } = fakes;
    const slowSessions = {
      findByTokenHash: async (hash: string) => {
        const session = await sessions.findByTokenHash(hash);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return session;
      },
      save: (session: Session) => sessions.save(session),
      revokeAllForAccount: sessions.revokeAllForAccount.bind(sessions),
    };
    const handler = new RefreshHandler(
      slowSessions,
      fakes.accounts,
      fakes.refreshTokens,
      fakes.accessTokens,
      fakes.throttle,
      fakes.ids,
      fakes.clock,
    );
    const command = aCommand<RefreshCommand>('auth.refresh', {
      refreshToken: first.refreshToken,
      clientAddress: '',
    });
    const outcomes = await Promise.all([handler.handle(command), handler.handle(command)]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([refused('auth.invalid_refresh_token')]);
    expect(fakes.sessions.sessionsOf(account.id)[0]?.status).toBe('active');
  });
});
