import { createAuthModule, loadAuthConfig } from '@contextflow/auth-infra';
import { type CommandRecord, CommandStatusReader, createLogger } from '@contextflow/core-infra';
import { createHttpApp } from '@contextflow/http-kit';
import type { Runtime } from '@contextflow/runtime';
import {
  createTestRuntime,
  tearDownRuntime,
  type TestDatabase,
  uniquePrefix,
} from '@contextflow/runtime/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpInbox, startSmtpInbox } from '@contextflow/test-utils';

// The auth module on PostgreSQL and RabbitMQ with its worker and relay, as the worker app composes it, sending
// through a real SMTP server that this file starts (and stops and restarts for the fault).
let database: TestDatabase;
let runtime: Runtime;
let inbox: SmtpInbox;
let app: ReturnType<typeof createHttpApp>;
const lines: string[] = [];
let sequence = 0;
const PASSWORD = 'a-long-enough-passphrase';
const anEmail = () => `lifecycle${(sequence += 1)}@example.com`;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void lines.push(line) },
  });
  const module = createAuthModule(
    loadAuthConfig({
      SMTP_URL: inbox.url,
      APP_BASE_URL: 'https://app.example',
      MAIL_FROM: 'Auth <auth@example.com>',
    }),
  );
  ({ runtime, database } = await createTestRuntime({
    namespace: uniquePrefix('mail'),
    modules: [module],
    logger,
    migrate: true,
    // Short retries: the SMTP fault below lasts a couple of seconds, not a minute.
    retry: { maxAttempts: 20, delaysMs: [200, 400, 800] },
  }));
  await runtime.startWorker();
  await runtime.startRelay();
  app = createHttpApp({ container: runtime.container, modules: [module], logger });
});

afterAll(async () => {
  await tearDownRuntime(runtime, database);
  await inbox?.close();
});

async function call(path: string, body?: unknown, token?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const init = { method: 'POST', headers, body: JSON.stringify(body ?? {}) };
  return app.request(path, init, { incoming: { socket: { remoteAddress: `192.0.2.${sequence % 250}` } } });
}

/** Sends through a route (202 expected) and waits until the command is done. */
async function settled(response: Response): Promise<CommandRecord> {
  expect(response.status).toBe(202);
  const { commandId } = (await response.json()) as { commandId: string };
  const record = await runtime.container
    .resolve<CommandStatusReader>(CommandStatusReader)
    .waitUntilDone(commandId, 20_000);
  if (record === null) throw new Error(`command ${commandId} not done`);
  return record;
}

async function register(email: string): Promise<string> {
  const record = await settled(await call('/auth/register', { email, password: PASSWORD, name: 'Ada' }));
  expect(record.status).toBe('succeeded');
  return (record.result as { accountId: string }).accountId;
}

async function signIn(email: string, password: string) {
  const reply = await call('/auth/login', { email, password });
  expect(reply.status).toBe(200);
  return (await reply.json()) as { accessToken: string; refreshToken: string };
}

const verified = async (id: string) =>
  (
    await sql<{ email_verified: boolean }>`select email_verified from auth.accounts where id = ${id}`.execute(
      runtime.db,
    )
  ).rows[0]?.email_verified;

describe('the account lifecycle through a real SMTP server', () => {
  it('emails a verification link on registration that verifies the email once', async () => {
    const email = anEmail();
    const id = await register(email);
    const [message] = await inbox.waitFor(email);
    expect(message).toMatchObject({ subject: 'Verify your email address' });
    expect(message?.text).toMatch(/https:\/\/app\.example\/verify-email\?token=[0-9a-f-]{36}\.[\w-]{43}\s/);
    const token = await inbox.tokenFor(email);
    expect(await verified(id)).toBe(false);

    expect(await settled(await call('/auth/verify-email', { token }))).toMatchObject({ status: 'succeeded' });
    expect(await verified(id)).toBe(true);
    const again = await settled(await call('/auth/verify-email', { token }));
    expect(again).toMatchObject({ status: 'failed' });
    expect(again.error?.type).toMatch(/invalid-token$/);
  });

  it('sends a new link on resend and the previous one stops working', async () => {
    const email = anEmail();
    await register(email);
    const first = await inbox.tokenFor(email);
    const login = await call('/auth/login', { email, password: PASSWORD });
    const { accessToken } = (await login.json()) as { accessToken: string };
    expect(await settled(await call('/auth/verify-email/resend', {}, accessToken))).toMatchObject({
      status: 'succeeded',
    });
    await inbox.waitFor(email, 2);
    const second = await inbox.tokenFor(email);
    expect(second).not.toBe(first);
    expect((await settled(await call('/auth/verify-email', { token: first }))).error?.type).toMatch(
      /invalid-token$/,
    );
    expect(await settled(await call('/auth/verify-email', { token: second }))).toMatchObject({
      status: 'succeeded',
    });
  });

  it('answers a taken email like a new one and emails its owner once that someone tried to register', async () => {
    const email = anEmail();
    const ownerId = await register(email);
    await inbox.waitFor(email);
    const ATTEMPTED = 'the intruder passphrase';
    const reply = await call('/auth/register', { email, password: ATTEMPTED, name: 'Twin' });
    const body = (await reply.clone().json()) as { userId: string };
    // The same answer as a fresh registration: 202, the same fields, a command that succeeds with the id.
    expect(Object.keys(body).sort()).toEqual(['commandId', 'userId']);
    expect(body.userId).not.toBe(ownerId);
    expect(await settled(reply)).toMatchObject({ status: 'succeeded', result: { accountId: body.userId } });

    const [verification, notice] = await inbox.waitFor(email, 2);
    expect(verification?.subject).toBe('Verify your email address');
    expect(notice?.subject).toBe('Someone tried to register with your email address');
    expect(notice?.text).toMatch(/Someone tried to create an account with this email address/);
    expect(notice?.text).toMatch(/No account was created/);
    // It names neither password, carries no link, and gives no account id.
    for (const secret of [PASSWORD, ATTEMPTED, ownerId, body.userId, 'token=', 'http'])
      expect(notice?.text).not.toContain(secret);

    const accounts = await sql<{ id: string }>`select id from auth.accounts where email = ${email}`.execute(
      runtime.db,
    );
    expect(accounts.rows).toEqual([{ id: ownerId }]);
    // Long enough for a duplicate to arrive: several retry rounds.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(inbox.to(email)).toHaveLength(2);
    // The owner's password still signs in; the attempted one does not.
    expect((await call('/auth/login', { email, password: PASSWORD })).status).toBe(200);
    expect((await call('/auth/login', { email, password: ATTEMPTED })).status).toBe(401);
  });

  it('answers 422 with a pointer for a token that is not one, and 401 for a resend without a caller', async () => {
    const bad = await call('/auth/verify-email', { token: 'nope' });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ errors: [expect.objectContaining({ pointer: '/token' })] });
    expect((await call('/auth/verify-email/resend')).status).toBe(401);
  });

  it('keeps link secrets out of the log, the commands and the outbox', async () => {
    const email = anEmail();
    await register(email);
    const token = await inbox.tokenFor(email);
    await settled(await call('/auth/verify-email', { token }));
    const secret = token.split('.')[1] ?? '';
    expect(secret).toHaveLength(43);
    expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    const { rows } = await sql<{ n: string }>`
      select (select count(*) from platform.commands c where c::text like ${`%${secret}%`})
           + (select count(*) from platform.outbox o where o::text like ${`%${secret}%`})
           + (select count(*) from auth.account_links l where l::text like ${`%${secret}%`}) as n`.execute(
      runtime.db,
    );
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('sends each email exactly once when the SMTP server was down and comes back', async () => {
    await inbox.down();
    const emails = [anEmail(), anEmail(), anEmail()];
    for (const email of emails) await register(email);
    // The reactions fail while the server is down, and retry.
    await expect
      .poll(() => lines.filter((line) => line.includes('event reaction failed; retry scheduled')).length, {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(emails.length);
    expect(emails.flatMap((email) => inbox.to(email))).toEqual([]);
    await inbox.up();
    for (const email of emails) await inbox.waitFor(email);
    // Long enough for any duplicate to arrive: several retry rounds.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(emails.map((email) => inbox.to(email).length)).toEqual([1, 1, 1]);
    for (const email of emails) {
      const token = await inbox.tokenFor(email);
      expect(await settled(await call('/auth/verify-email', { token }))).toMatchObject({
        status: 'succeeded',
      });
    }
  });

  it('resets a forgotten password by email: the new one works, the old one and every session end', async () => {
    const email = anEmail();
    await register(email);
    const before = await signIn(email, PASSWORD);
    expect(await settled(await call('/auth/forgot-password', { email }))).toMatchObject({
      status: 'succeeded',
      result: {},
    });
    await inbox.waitFor(email, 2);
    const token = await inbox.tokenFor(email);
    expect(inbox.to(email).at(-1)?.subject).toBe('Reset your password');
    expect(inbox.to(email).at(-1)?.text).toContain(`https://app.example/reset-password?token=${token}`);
    const NEW = 'a brand new passphrase';
    expect(await settled(await call('/auth/reset-password', { token, password: NEW }))).toMatchObject({
      status: 'succeeded',
    });
    expect((await call('/auth/login', { email, password: PASSWORD })).status).toBe(401);
    expect((await call('/auth/login', { email, password: NEW })).status).toBe(200);
    expect((await call('/auth/refresh', { refreshToken: before.refreshToken })).status).toBe(401);
    const reused = await settled(
      await call('/auth/reset-password', { token, password: 'and yet another one' }),
    );
    expect(reused.error?.type).toMatch(/invalid-token$/);
  });

  it('answers forgot-password the same for an unknown address and sends nothing', async () => {
    const unknown = anEmail();
    const reply = await call('/auth/forgot-password', { email: unknown });
    const body = (await reply.clone().json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['commandId']);
    expect(await settled(reply)).toMatchObject({ status: 'succeeded', result: {} });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(inbox.to(unknown)).toEqual([]);
  });

  it('changes the password with the current one; a wrong one fails; other sessions end, the caller goes on', async () => {
    const email = anEmail();
    await register(email);
    const mine = await signIn(email, PASSWORD);
    const other = await signIn(email, PASSWORD);
    const NEW = 'the changed passphrase';
    const wrong = await settled(
      await call(
        '/auth/change-password',
        { currentPassword: 'not it at all', password: NEW },
        mine.accessToken,
      ),
    );
    expect(wrong).toMatchObject({ status: 'failed' });
    expect(wrong.error?.type).toMatch(/wrong-password$/);
    const changed = await settled(
      await call('/auth/change-password', { currentPassword: PASSWORD, password: NEW }, mine.accessToken),
    );
    expect(changed).toMatchObject({ status: 'succeeded', result: { sessionsEnded: 1 } });
    expect((await call('/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(401);
    expect((await call('/auth/refresh', { refreshToken: mine.refreshToken })).status).toBe(200);
    expect((await call('/auth/login', { email, password: NEW })).status).toBe(200);
  });
});
