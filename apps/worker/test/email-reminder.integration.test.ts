import { createAuthModule, loadAuthConfig } from '@contextflow/auth-infra';
import { CommandStatusReader, createLogger } from '@contextflow/core-infra';
import { createHttpApp } from '@contextflow/http-kit';
import { postgresDatabase, rabbitMqTransport } from '@contextflow/runtime';
import {
  createTestDatabase,
  removeTopology,
  startTestHarness,
  type TestDatabase,
  type TestHarness,
  testAmqpUrl,
  uniquePrefix,
} from '@contextflow/runtime/testing';
import { type SmtpInbox, startSmtpInbox } from '@contextflow/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The email-verification reminder, a process of the auth module, on PostgreSQL and RabbitMQ through the test
// harness: its clock makes the reminder's day pass at once, and a real SMTP server receives what it sends.
const REMINDER_SECONDS = 86_400;
const REMINDER = 'auth.remind-unverified-email';
let database: TestDatabase;
let harness: TestHarness;
let inbox: SmtpInbox;
let app: ReturnType<typeof createHttpApp>;
let sequence = 0;
const anEmail = () => `reminded${(sequence += 1)}@example.com`;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  database = await createTestDatabase();
  const module = createAuthModule(
    loadAuthConfig({
      SMTP_URL: inbox.url,
      APP_BASE_URL: 'https://app.example',
      MAIL_FROM: 'Auth <auth@example.com>',
      EMAIL_VERIFICATION_REMINDER_SECONDS: String(REMINDER_SECONDS),
    }),
  );
  harness = await startTestHarness({
    database: postgresDatabase({ url: database.url }),
    transport: rabbitMqTransport({ url: testAmqpUrl() }),
    namespace: uniquePrefix('remind'),
    modules: [module],
    start: new Date(),
  });
  app = createHttpApp({
    container: harness.runtime.container,
    modules: [module],
    logger: createLogger({ level: 'silent' }),
  });
});

afterAll(async () => {
  await harness?.stop();
  if (harness !== undefined) await removeTopology(harness.runtime.topology);
  await database?.drop();
  await inbox?.close();
});

const post = (path: string, body: unknown) =>
  app.request(
    path,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    { incoming: { socket: { remoteAddress: `192.0.2.${sequence}` } } },
  );

async function register(email: string): Promise<string> {
  const reply = await post('/auth/register', { email, password: 'a-long-enough-passphrase', name: 'Ada' });
  expect(reply.status).toBe(202);
  const { commandId } = (await reply.json()) as { commandId: string };
  await harness.settle();
  const record = await harness.runtime.container
    .resolve<CommandStatusReader>(CommandStatusReader)
    .find(commandId);
  if (record?.status !== 'succeeded') throw new Error(`registration ended ${record?.status}`);
  return (record.result as { accountId: string }).accountId;
}

const reminder = (accountId: string) =>
  harness.runtime.db
    .selectFrom('platform.processes')
    .select('status')
    .where('process', '=', REMINDER)
    .where('correlation_id', '=', accountId)
    .executeTakeFirst();

describe('the email-verification reminder', () => {
  it('reminds an unverified account once, after EMAIL_VERIFICATION_REMINDER_SECONDS', async () => {
    const email = anEmail();
    const accountId = await register(email);
    expect(await inbox.waitFor(email, 1)).toHaveLength(1);
    await harness.advance(REMINDER_SECONDS * 1000 - 1);
    expect(inbox.to(email)).toHaveLength(1);
    await harness.advance(1);
    const messages = await inbox.waitFor(email, 2);
    expect(messages[1]?.subject).toBe('Reminder: verify your email address');
    expect(await reminder(accountId)).toEqual({ status: 'completed' });
    await harness.advance(7 * REMINDER_SECONDS * 1000);
    expect(inbox.to(email)).toHaveLength(2);
  });

  it('sends no reminder once the email is verified: the verification cancels it', async () => {
    const email = anEmail();
    const accountId = await register(email);
    const token = await inbox.tokenFor(email);
    expect((await post('/auth/verify-email', { token })).status).toBe(202);
    await harness.settle();
    expect(await reminder(accountId)).toEqual({ status: 'completed' });
    await harness.advance(2 * REMINDER_SECONDS * 1000);
    expect(inbox.to(email)).toHaveLength(1);
  });
});
