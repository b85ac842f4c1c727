import { describe, expect, it } from 'vitest';
import { parseLinkToken } from '../account-links/link-token.js';
import { RequestEmailVerificationHandler } from '../request-email-verification/request-email-verification-handler.js';
import type { RequestEmailVerificationCommand } from '../request-email-verification/request-email-verification-command.js';
import { AccountEmailSender } from '../send-account-email/account-email-sender.js';
import { aCommand, anAccount, aUser, createAuthFakes } from '../testing/index.js';
import type { VerifyEmailCommand } from './verify-email-command.js';
import { VerifyEmailHandler } from './verify-email-handler.js';

function setUp() {
  const fakes = createAuthFakes();
  const account = anAccount().withEmail('ada@example.com').build();
  fakes.accounts.seed(account);
  const request = new RequestEmailVerificationHandler(
    fakes.accounts,
    fakes.links,
    fakes.settings,
    fakes.ids,
    fakes.clock,
  );
  const sender = new AccountEmailSender(
    fakes.links,
    fakes.linkSecrets,
    fakes.mailer,
    fakes.settings,
    fakes.clock,
  );
  const verify = new VerifyEmailHandler(
    fakes.accounts,
    fakes.links,
    fakes.linkSecrets,
    fakes.ids,
    fakes.clock,
  );
  /** Asks for a link as the owner and sends it; the token the email carries. */
  const emailedToken = async (): Promise<string> => {
    await request.handle(
      aCommand<RequestEmailVerificationCommand>(
        'auth.request-email-verification',
        { accountId: account.id },
        aUser(account.id),
      ),
    );
    const link = fakes.links.all.at(-1);
    if (link === undefined) throw new Error('no link opened');
    await sender.sendLink(link.id, 'ada@example.com');
    const text = fakes.mailer.sent.at(-1)?.text ?? '';
    return /token=(\S+)/.exec(text)?.[1] ?? '';
  };
  const verifyWith = (token: string) => {
    const parsed = parseLinkToken(token);
    if (parsed === null) throw new Error('not a link token');
    return verify.handle(
      aCommand<VerifyEmailCommand>('auth.verify-email', {
        linkId: parsed.linkId,
        tokenHash: fakes.linkSecrets.hashOf(parsed.secret),
      }),
    );
  };
  return { ...fakes, account, request, sender, emailedToken, verifyWith };
}

describe('email verification', () => {
  it('sends a link to the app, verifies the email with it and publishes the verification', async () => {
    const { emailedToken, verifyWith, accounts, account, mailer } = setUp();
    const token = await emailedToken();
    expect(mailer.sent[0]).toMatchObject({ to: 'ada@example.com', subject: 'Verify your email address' });
    expect(mailer.sent[0]?.text).toContain(`http://localhost:3000/verify-email?token=${token}`);
    expect(await verifyWith(token)).toEqual({ accountId: account.id, emailVerified: true });
    expect(accounts.snapshotOf(account.id)?.emailVerified).toBe(true);
    expect(accounts.published.map((event) => event.type)).toEqual([
      'auth.email-verification-requested',
      'auth.email-verified',
    ]);
  });

  it('refuses a used link, a superseded link, an expired link and a wrong secret with invalid_token', async () => {
    const { emailedToken, verifyWith, clock, settings } = setUp();
    const invalid = expect.objectContaining({ code: 'auth.invalid_token', kind: 'invalid' });
    const superseded = await emailedToken();
    const expired = await emailedToken();
    await expect(verifyWith(superseded)).rejects.toThrow(invalid);
    await expect(verifyWith(`${expired.slice(0, -1)}${expired.endsWith('x') ? 'y' : 'x'}`)).rejects.toThrow(
      invalid,
    );
    clock.advance(settings.emailVerificationTtlSeconds * 1000);
    await expect(verifyWith(expired)).rejects.toThrow(invalid);
    clock.advance(-settings.emailVerificationTtlSeconds * 1000);
    await verifyWith(expired);
    await expect(verifyWith(expired)).rejects.toThrow(invalid);
  });

  it('sends nothing for a link superseded before it was sent, and nothing twice for one link', async () => {
    const { request, sender, links, mailer, account } = setUp();
    const ask = () =>
      request.handle(
        aCommand<RequestEmailVerificationCommand>(
          'auth.request-email-verification',
          { accountId: account.id },
          aUser(account.id),
        ),
      );
    await ask();
    await ask();
    const [first, second] = links.all;
    expect(await sender.sendLink(first?.id ?? '', 'ada@example.com')).toBe(false);
    expect(await sender.sendLink(second?.id ?? '', 'ada@example.com')).toBe(true);
    expect(await sender.sendLink(second?.id ?? '', 'ada@example.com')).toBe(false);
    expect(mailer.sent).toHaveLength(1);
  });

  it('stores no hash when the mail server refuses, so a retry sends a working link', async () => {
    const { request, sender, links, mailer, account } = setUp();
    await request.handle(
      aCommand<RequestEmailVerificationCommand>(
        'auth.request-email-verification',
        { accountId: account.id, reminder: true },
        aUser(account.id),
      ),
    );
    mailer.failing = true;
    const id = links.all[0]?.id ?? '';
    await expect(sender.sendLink(id, 'ada@example.com', true)).rejects.toThrow('unavailable');
    // The unit of work rolls back the hash in production; the fake keeps it, so only the mailer is checked here.
    expect(mailer.sent).toEqual([]);
  });

  it("lets only the owner, an admin or the system ask for another's verification email", async () => {
    const { request, account } = setUp();
    await expect(
      request.handle(
        aCommand<RequestEmailVerificationCommand>(
          'auth.request-email-verification',
          { accountId: account.id },
          aUser('someone-else'),
        ),
      ),
    ).rejects.toThrow(expect.objectContaining({ code: 'auth.admin_only' }));
  });

  it('refuses to ask for a verification email of a verified account', async () => {
    const { emailedToken, verifyWith, request, account } = setUp();
    await verifyWith(await emailedToken());
    await expect(
      request.handle(
        aCommand<RequestEmailVerificationCommand>(
          'auth.request-email-verification',
          { accountId: account.id },
          aUser(account.id),
        ),
      ),
    ).rejects.toThrow(expect.objectContaining({ code: 'auth.email_already_verified' }));
  });
});
