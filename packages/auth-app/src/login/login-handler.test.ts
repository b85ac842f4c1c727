import { describe, expect, it } from 'vitest';
import { aCommand, anAccount, createAuthFakes } from '../testing/index.js';
import { tokensOrThrow } from '../token-outcome.js';
import type { LoginCommand } from './login-command.js';
import { LoginHandler } from './login-handler.js';

const PASSWORD = 'correct horse battery staple';

async function setUp(build = anAccount().withEmail('alice@example.com').withPassword(PASSWORD)) {
  const fakes = createAuthFakes();
  const account = build.build();
  fakes.accounts.seed(account);
  const handler = new LoginHandler(fakes.accounts, fakes.hasher, fakes.throttle, fakes.sessionStarter);
  const login = (email: string, password: string, clientAddress = '203.0.113.7') =>
    handler.handle(aCommand<LoginCommand>('auth.login', { email, password, clientAddress }));
  return { ...fakes, account, login };
}

describe('LoginHandler', () => {
  it('issues a bearer access token and a refresh token for the right password', async () => {
    const { login, account, sessions, accessTokens } = await setUp();
    const tokens = tokensOrThrow(await login(' Alice@Example.com ', PASSWORD));
    expect(tokens).toEqual({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      tokenType: 'Bearer',
      expiresIn: 900,
    });
    const [session] = sessions.sessionsOf(account.id);
    expect(session?.isActiveAt(new Date('2026-03-31T11:59:59.000Z'))).toBe(true);
    expect(await accessTokens.verify(tokens.accessToken)).toEqual({
      accountId: account.id,
      roles: ['user'],
      sessionId: session?.id,
    });
  });

  it('gives an unknown email and a wrong password the same error after the same hashing work', async () => {
    const { login, hasher } = await setUp();
    const unknown = await login('nobody@example.com', PASSWORD);
    expect(hasher.verifications).toBe(1);
    expect(hasher.dummyVerifyCalls).toBe(1);
    const wrong = await login('alice@example.com', 'not the password');
    expect(hasher.verifications).toBe(2);
    expect(hasher.verifyCalls).toBe(1);
    const refusal = (outcome: typeof unknown) =>
      outcome.ok ? null : [outcome.error.kind, outcome.error.code, outcome.error.message];
    expect(refusal(unknown)).toEqual(['unauthorized', 'auth.invalid_credentials', expect.any(String)]);
    expect(refusal(wrong)).toEqual(refusal(unknown));
  });

  it('treats a malformed email like an unknown one, hashing included', async () => {
    const { login, hasher } = await setUp();
    expect(await login('not-an-email', PASSWORD)).toEqual(
      expect.objectContaining({ error: expect.objectContaining({ code: 'auth.invalid_credentials' }) }),
    );
    expect(hasher.dummyVerifyCalls).toBe(1);
  });

  it('refuses a disabled account with the same error even with the right password', async () => {
    const { login, hasher, sessions, account } = await setUp(anAccount().withPassword(PASSWORD).disabled());
    const outcome = await login('alice@example.com', PASSWORD);
    expect(outcome).toEqual(
      expect.objectContaining({ error: expect.objectContaining({ code: 'auth.invalid_credentials' }) }),
    );
    expect(hasher.verifyCalls).toBe(1);
    expect(sessions.sessionsOf(account.id)).toEqual([]);
  });

  it('rate-limits an email after five failures, even when the sixth attempt has the right password', async () => {
    const { login, hasher } = await setUp();
    for (let attempt = 0; attempt < 5; attempt += 1)
      await login('alice@example.com', `wrong ${attempt}`, `198.51.100.${attempt}`);
    const outcome = await login('alice@example.com', PASSWORD, '198.51.100.99');
    expect(outcome).toEqual({
      ok: false,
      error: expect.objectContaining({
        kind: 'rate_limited',
        code: 'auth.too_many_attempts',
        retryAfterSeconds: 900,
      }),
    });
    expect(hasher.verifications).toBe(5);
  });

  it('rate-limits a client address that fails across many emails', async () => {
    const { login } = await setUp();
    for (let attempt = 0; attempt < 5; attempt += 1) await login(`user${attempt}@example.com`, PASSWORD);
    expect(await login('alice@example.com', PASSWORD)).toEqual(
      expect.objectContaining({ error: expect.objectContaining({ kind: 'rate_limited' }) }),
    );
  });

  it('lets the email try again once the window has passed', async () => {
    const { login, clock } = await setUp();
    for (let attempt = 0; attempt < 5; attempt += 1) await login('alice@example.com', 'wrong password', '');
    clock.advance(900_000);
    expect((await login('alice@example.com', PASSWORD, '')).ok).toBe(true);
  });

  it('forgets the email failures after a successful login', async () => {
    const { login } = await setUp();
    for (let attempt = 0; attempt < 4; attempt += 1)
      await login('alice@example.com', 'wrong password', `192.0.2.${attempt}`);
    expect((await login('alice@example.com', PASSWORD, '192.0.2.50')).ok).toBe(true);
    for (let attempt = 0; attempt < 4; attempt += 1)
      await login('alice@example.com', 'wrong password', `192.0.2.${attempt + 10}`);
    expect((await login('alice@example.com', PASSWORD, '192.0.2.51')).ok).toBe(true);
  });

  it('rehashes a password stored with outdated parameters', async () => {
    const { login, accounts, account } = await setUp(anAccount().withLegacyPassword(PASSWORD));
    expect((await login('alice@example.com', PASSWORD)).ok).toBe(true);
    expect(accounts.snapshotOf(account.id)?.passwordHash).toBe('fake-hash:correct horse battery staple');
  });

  it('keeps a current hash as it is', async () => {
    const { login, accounts, account } = await setUp();
    const before = accounts.snapshotOf(account.id);
    await login('alice@example.com', PASSWORD);
    expect(accounts.snapshotOf(account.id)).toEqual(before);
  });
});
