import { describe, expect, it } from 'vitest';
import { aCommand, anAccount, createAuthFakes } from '../testing/index.js';
import { tokensOrThrow } from '../sign-in/token-outcome.js';
import type { LoginCommand } from './login-command.js';
import { LoginHandler } from './login-handler.js';

const PASSWORD = 'correct horse battery staple';

async function setUp(build = anAccount().withEmail('alice@example.com').withPassword(PASSWORD)) {
  const fakes = createAuthFakes();
  const account = build.build();
  fakes.accounts.seed(account);
  const handler = new LoginHandler(
    fakes.accounts,
    fakes.hasher,
    fakes.throttle,
    fakes.devices,
    fakes.sessionStarter,
  );
  const login = (email: string, password: string, clientAddress = '203.0.113.7', deviceToken?: string) =>
    handler.handle(aCommand<LoginCommand>('auth.login', { email, password, clientAddress, deviceToken }));
  return { ...fakes, account, login };
}

// Five strangers fail against the account from five addresses: the account key is over its limit.
async function attacked(fakes: Awaited<ReturnType<typeof setUp>>) {
  for (let attempt = 0; attempt < 5; attempt += 1)
    await fakes.login('alice@example.com', `guess ${attempt}`, `198.51.100.${attempt}`);
}

describe('LoginHandler', () => {
  it('issues a bearer access token, a refresh token and a device token for the right password', async () => {
    const { login, account, sessions, accessTokens, devices } = await setUp();
    const tokens = tokensOrThrow(await login(' Alice@Example.com ', PASSWORD));
    expect(tokens).toEqual({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      tokenType: 'Bearer',
      expiresIn: 900,
      deviceToken: 'device-1',
    });
    expect(devices.tokensOf(account.id)).toEqual(['device-1']);
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

  describe('with device tokens', () => {
    it('answers the device token it was given when it is valid for the account, and a new one otherwise', async () => {
      const { login, devices, account } = await setUp();
      const { deviceToken } = tokensOrThrow(await login('alice@example.com', PASSWORD));
      expect(tokensOrThrow(await login('alice@example.com', PASSWORD, '', deviceToken)).deviceToken).toBe(
        deviceToken,
      );
      expect(tokensOrThrow(await login('alice@example.com', PASSWORD, '', 'never-issued')).deviceToken).toBe(
        'device-2',
      );
      expect(devices.tokensOf(account.id)).toEqual(['device-1', 'device-2']);
    });

    it('lets the owner sign in from a known device while strangers have locked the account (no lockout)', async () => {
      const fakes = await setUp();
      const { deviceToken } = tokensOrThrow(await fakes.login('alice@example.com', PASSWORD));
      await attacked(fakes);
      expect(await fakes.login('alice@example.com', PASSWORD, '198.51.100.77')).toEqual(
        expect.objectContaining({ error: expect.objectContaining({ code: 'auth.too_many_attempts' }) }),
      );
      expect((await fakes.login('alice@example.com', PASSWORD, '198.51.100.77', deviceToken)).ok).toBe(true);
    });

    it('refuses every sign-in without a device token while the account is over its limit, before checking the password', async () => {
      const fakes = await setUp();
      await attacked(fakes);
      const before = fakes.hasher.verifications;
      const right = await fakes.login('alice@example.com', PASSWORD, '203.0.113.50');
      const wrong = await fakes.login('alice@example.com', 'still guessing', '203.0.113.51');
      expect(right).toEqual(wrong);
      expect(right).toEqual(
        expect.objectContaining({ error: expect.objectContaining({ kind: 'rate_limited' }) }),
      );
      expect(fakes.hasher.verifications).toBe(before);
    });

    it('judges a sign-in with a device token by that device only: its failures lock it, not the account', async () => {
      const fakes = await setUp();
      const stolen = tokensOrThrow(await fakes.login('alice@example.com', PASSWORD)).deviceToken;
      const owners = tokensOrThrow(await fakes.login('alice@example.com', PASSWORD)).deviceToken;
      for (let attempt = 0; attempt < 5; attempt += 1)
        await fakes.login('alice@example.com', `guess ${attempt}`, '198.51.100.9', stolen);
      expect(await fakes.login('alice@example.com', PASSWORD, '198.51.100.9', stolen)).toEqual(
        expect.objectContaining({ error: expect.objectContaining({ code: 'auth.too_many_attempts' }) }),
      );
      expect((await fakes.login('alice@example.com', PASSWORD, '198.51.100.9', owners)).ok).toBe(true);
      expect((await fakes.login('alice@example.com', PASSWORD, '203.0.113.8')).ok).toBe(true);
    });

    it('lets a device sign in from an address that is over its limit', async () => {
      const fakes = await setUp();
      const { deviceToken } = tokensOrThrow(await fakes.login('alice@example.com', PASSWORD, '192.0.2.9'));
      for (let attempt = 0; attempt < 5; attempt += 1)
        await fakes.login(`user${attempt}@example.com`, PASSWORD, '192.0.2.9');
      expect((await fakes.login('alice@example.com', PASSWORD, '192.0.2.9')).ok).toBe(false);
      expect((await fakes.login('alice@example.com', PASSWORD, '192.0.2.9', deviceToken)).ok).toBe(true);
    });

    it('counts a device token of another account as none', async () => {
      const fakes = await setUp();
      fakes.accounts.seed(anAccount().withEmail('mallory@example.com').withPassword(PASSWORD).build());
      const mallorys = tokensOrThrow(await fakes.login('mallory@example.com', PASSWORD)).deviceToken;
      await attacked(fakes);
      const outcome = await fakes.login('alice@example.com', PASSWORD, '203.0.113.9', mallorys);
      expect(outcome).toEqual(
        expect.objectContaining({ error: expect.objectContaining({ code: 'auth.too_many_attempts' }) }),
      );
    });
  });
});
