import { describe, expect, it } from 'vitest';
import { ChangePasswordHandler } from '../change-password/change-password-handler.js';
import type { ChangePasswordCommand } from '../change-password/change-password-command.js';
import { NewPasswordIntake } from '../new-password/new-password-intake.js';
import { RequestPasswordResetHandler } from '../request-password-reset/request-password-reset-handler.js';
import type { RequestPasswordResetCommand } from '../request-password-reset/request-password-reset-command.js';
import { AccountEmailSender } from '../send-account-email/account-email-sender.js';
import { aCommand, anAccount, aUser, createAuthFakes } from '../testing/index.js';
import type { ResetPasswordCommand } from './reset-password-command.js';
import { ResetPasswordHandler } from './reset-password-handler.js';

const OLD = 'the old passphrase';
const NEW = 'a brand new passphrase';

function setUp() {
  const f = createAuthFakes();
  const account = anAccount().withEmail('ada@example.com').withPassword(OLD).build();
  f.accounts.seed(account);
  const request = new RequestPasswordResetHandler(f.accounts, f.links, f.settings, f.ids, f.clock);
  const sender = new AccountEmailSender(f.links, f.linkSecrets, f.mailer, f.settings, f.clock);
  const intake = new NewPasswordIntake(f.accounts, f.links, f.hasher, f.pendingCredentials, f.ids);
  const reset = new ResetPasswordHandler(
    f.accounts,
    f.links,
    f.linkSecrets,
    f.pendingCredentials,
    f.sessions,
    f.devices,
    f.ids,
    f.clock,
  );
  const change = new ChangePasswordHandler(f.accounts, f.pendingCredentials, f.sessions, f.ids, f.clock);
  const forgot = (email: string) =>
    request.handle(aCommand<RequestPasswordResetCommand>('auth.request-password-reset', { email }));
  /** Asks for a reset of ada's account, sends the email, and returns the token it carries. */
  const emailedToken = async (): Promise<string> => {
    await forgot('ADA@example.com');
    const link = f.links.all.at(-1);
    await sender.sendLink(link?.id ?? '', 'ada@example.com');
    return /token=(\S+)/.exec(f.mailer.sent.at(-1)?.text ?? '')?.[1] ?? '';
  };
  const resetWith = async (token: string, password = NEW) => {
    const [linkId = '', secret = ''] = token.split('.');
    const payload = await intake.forReset({ linkId, tokenHash: f.linkSecrets.hashOf(secret) }, password);
    return reset.handle(aCommand<ResetPasswordCommand>('auth.reset-password', payload));
  };
  const passwordWorks = async (plain: string) =>
    (await f.hasher.verify(f.accounts.snapshotOf(account.id)?.passwordHash ?? '', plain)).ok;
  const activeSessions = async (refreshTokens: string[]) => {
    const sessions = await Promise.all(
      refreshTokens.map((token) => f.sessions.findByTokenHash(f.refreshTokens.hashOf(token))),
    );
    return sessions.filter((session) => session?.toSnapshot().status === 'active').length;
  };
  return { ...f, account, forgot, emailedToken, resetWith, intake, change, passwordWorks, activeSessions };
}

describe('password reset', () => {
  it('emails a reset link; the reset sets the new password and ends every session and every other link', async () => {
    const t = setUp();
    const first = await t.sessionStarter.start(t.account);
    const second = await t.sessionStarter.start(t.account);
    const older = await t.emailedToken();
    const token = await t.emailedToken();
    expect(t.mailer.sent.at(-1)).toMatchObject({ to: 'ada@example.com', subject: 'Reset your password' });
    expect(t.mailer.sent.at(-1)?.text).toContain(`http://localhost:3000/reset-password?token=${token}`);

    expect(await t.resetWith(token)).toEqual({ accountId: t.account.id, sessionsEnded: 2 });
    expect(await t.passwordWorks(NEW)).toBe(true);
    expect(await t.passwordWorks(OLD)).toBe(false);
    expect(await t.activeSessions([first.refreshToken, second.refreshToken])).toBe(0);
    const invalid = expect.objectContaining({ code: 'auth.invalid_token' });
    await expect(t.resetWith(token, 'yet another passphrase')).rejects.toThrow(invalid);
    await expect(t.resetWith(older, 'yet another passphrase')).rejects.toThrow(invalid);
    expect(t.accounts.published.map((event) => event.type)).toContain('auth.password-changed');
  });

  it('refuses an expired link, and a password the policy refuses before anything is queued', async () => {
    const t = setUp();
    const token = await t.emailedToken();
    await expect(t.resetWith(token, 'ada@example.com')).rejects.toThrow(
      expect.objectContaining({ code: 'auth.weak_password' }),
    );
    t.clock.advance(t.settings.passwordResetTtlSeconds * 1000);
    await expect(t.resetWith(token)).rejects.toThrow(expect.objectContaining({ code: 'auth.invalid_token' }));
    expect(await t.passwordWorks(OLD)).toBe(true);
  });

  it('answers every address the same and emails at most passwordResetMaxPerHour links per account per hour', async () => {
    const t = setUp();
    for (const email of ['nobody@example.com', 'not an email', 'ada@example.com'])
      expect(await t.forgot(email)).toEqual({});
    for (let i = 0; i < 5; i += 1) expect(await t.forgot('ada@example.com')).toEqual({});
    expect(t.links.all).toHaveLength(t.settings.passwordResetMaxPerHour);
    t.clock.advance(3_601_000);
    await t.forgot('ada@example.com');
    expect(t.links.all).toHaveLength(t.settings.passwordResetMaxPerHour + 1);
  });

  it('sends nothing for a disabled account', async () => {
    const t = setUp();
    const disabled = anAccount().withEmail('off@example.com').disabled().build();
    t.accounts.seed(disabled);
    expect(await t.forgot('off@example.com')).toEqual({});
    expect(t.links.all).toEqual([]);
  });
});

async function changeAs(t: ReturnType<typeof setUp>, current: string, sessionId?: string) {
  const payload = await t.intake.forChange(t.account.id, current, NEW);
  const actor = { ...aUser(t.account.id), ...(sessionId === undefined ? {} : { sessionId }) };
  return t.change.handle(aCommand<ChangePasswordCommand>('auth.change-password', payload, actor));
}

describe('password change', () => {
  it("needs the current password, and ends the account's other sessions while the caller's goes on", async () => {
    const t = setUp();
    const mine = await t.sessionStarter.start(t.account);
    const other = await t.sessionStarter.start(t.account);
    const myId = (await t.sessions.findByTokenHash(t.refreshTokens.hashOf(mine.refreshToken)))?.id;
    await expect(changeAs(t, 'not the password', myId)).rejects.toThrow(
      expect.objectContaining({ code: 'auth.wrong_password' }),
    );
    expect(await t.passwordWorks(OLD)).toBe(true);
    expect(await changeAs(t, OLD, myId)).toEqual({ accountId: t.account.id, sessionsEnded: 1 });
    expect(await t.passwordWorks(NEW)).toBe(true);
    expect(await t.activeSessions([mine.refreshToken])).toBe(1);
    expect(await t.activeSessions([other.refreshToken])).toBe(0);
  });
});
