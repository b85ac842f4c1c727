import { type SmtpInbox, startSmtpInbox } from '@contextflow/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, signUp } from './support/accounts.js';
import { client } from './support/http-client.js';
import { startSystem, type System } from './support/system.js';

// The built apps (or dev.js) sending their account emails to a real SMTP server this file starts.
let inbox: SmtpInbox;
let system: System;
let call: ReturnType<typeof client>;
const NEW = 'a brand new passphrase';

interface CommandView {
  status: string;
  error?: { type: string };
}

beforeAll(async () => {
  inbox = await startSmtpInbox();
  system = await startSystem({ env: { SMTP_URL: inbox.url, APP_BASE_URL: 'https://app.example' } });
  call = client(system.baseUrl);
});

afterAll(async () => {
  await system?.close();
  await inbox?.close();
});

/** Sends a command through a route and waits for its outcome (`Prefer: wait`). */
async function outcome(path: string, body: unknown, token?: string): Promise<CommandView> {
  const reply = await call<CommandView>('POST', path, {
    body,
    headers: { prefer: 'wait=10' },
    ...(token === undefined ? {} : { token }),
  });
  expect(reply.status).toBe(200);
  return reply.body;
}

describe(`account lifecycle e2e (${process.env.E2E_CONFIG ?? 'services'})`, () => {
  it('verifies the email with the link the registration emailed, and the users context shows it', async () => {
    const email = `verify-${Date.now()}@example.com`;
    const account = await signUp(call, email);
    const token = await inbox.tokenFor(email);
    expect(inbox.to(email)[0]?.text).toContain(`https://app.example/verify-email?token=${token}`);
    expect(await outcome('/auth/verify-email', { token })).toMatchObject({ status: 'succeeded' });
    const me = await eventually(async () => {
      const reply = await call<{ emailVerified: boolean }>('GET', '/users/me', {
        token: account.accessToken,
      });
      return reply.body.emailVerified ? reply.body : undefined;
    });
    expect(me.emailVerified).toBe(true);
    const again = await outcome('/auth/verify-email', { token });
    expect(again.error?.type).toMatch(/invalid-token$/);
  });

  it('resets a forgotten password with the emailed link; the old password and sessions stop working', async () => {
    const email = `reset-${Date.now()}@example.com`;
    const account = await signUp(call, email);
    await inbox.waitFor(email);
    expect(await outcome('/auth/forgot-password', { email })).toMatchObject({ status: 'succeeded' });
    await inbox.waitFor(email, 2);
    const token = await inbox.tokenFor(email);
    expect(await outcome('/auth/reset-password', { token, password: NEW })).toMatchObject({
      status: 'succeeded',
    });
    expect((await call('POST', '/auth/login', { body: { email, password: account.password } })).status).toBe(
      401,
    );
    expect((await call('POST', '/auth/login', { body: { email, password: NEW } })).status).toBe(200);
    expect(
      (await call('POST', '/auth/refresh', { body: { refreshToken: account.refreshToken } })).status,
    ).toBe(401);
  });
});
