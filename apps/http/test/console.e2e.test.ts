import { existsSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@contextflow/core-infra';
import { buildTopology, RabbitMqTransport } from '@contextflow/runtime/messaging';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../src/modules.js';
import { eventually, login, signUp } from './support/accounts.js';
import { deadLetter } from './support/dead-letter.js';
import { client } from './support/http-client.js';
import { startSystem, type System } from './support/system.js';

const ADMIN = { email: 'console-admin@example.com', password: 'admin password for the console e2e' };
const PLAIN = 'correct horse battery staple';
const RENAMES = 10;
const RATE = 5;
const DOCS = fileURLToPath(new URL('../../../docs/', import.meta.url));

/** Debian's Chromium (scripts/ensure-chromium.sh installs it), or CHROMIUM_PATH. */
function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error('The console test drives Chromium: apt-get install chromium (or set CHROMIUM_PATH).');
  return path;
}

describe('the operations console in a real browser', () => {
  let system: System;
  let browser: Browser;
  let call: ReturnType<typeof client>;
  let plainEmail: string;
  let plainToken: string;
  let adminToken: string;
  const poisonIds: string[] = [];

  /** Publishes a message the users queue cannot read: a command type nobody handles. */
  const injectPoison = async (count: number) => {
    const amqp = system.amqp!;
    const topology = buildTopology(modules, { namespace: amqp.namespace });
    const transport = new RabbitMqTransport({ url: amqp.url, logger: createLogger({ level: 'silent' }) });
    try {
      await transport.ready();
      for (let i = 0; i < count; i += 1) {
        const id = randomUUID();
        poisonIds.push(id);
        await transport.publish({
          exchange: '',
          routingKey: topology.commandQueues.get('users')!.declaration.queue,
          messageId: id,
          type: 'users.no-such-command',
          body: {
            type: 'users.no-such-command',
            payload: { apiKey: 'sk-live-123' },
            meta: { commandId: id },
          },
        });
      }
    } finally {
      await transport.close();
    }
  };

  const signIn = async (page: Page, email: string, password: string) => {
    await page.goto(`${system.baseUrl}/console`);
    await page.waitForURL(/\/console\/login$/);
    await page.fill('#email', email);
    await page.fill('#password', password);
    await page.click('button[type=submit]');
  };

  beforeAll(async () => {
    system = await startSystem({
      env: {
        BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
        BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
        LOGIN_MAX_FAILURES_PER_ADDRESS: '10000',
      },
    });
    call = client(system.baseUrl);
    plainEmail = `console-${randomBytes(4).toString('hex')}@example.com`;
    const plain = await signUp(call, plainEmail, 'Plain User', PLAIN);
    const admin = await login(call, ADMIN.email, ADMIN.password);
    plainToken = plain.accessToken;
    adminToken = admin.accessToken;
    // Failing messages: renames accepted while the worker is down, then given up by the broker (delivery limit).
    await system.stopWorker();
    const renames: string[] = [];
    for (let i = 0; i < RENAMES; i += 1) {
      const reply = await call<{ commandId: string }>('PATCH', `/users/${plain.userId}`, {
        token: admin.accessToken,
        body: { name: `Renamed ${i}` },
      });
      expect(reply.status).toBe(202);
      renames.push(reply.body.commandId);
    }
    for (const id of renames) await deadLetter(system, 'users', id, 'delivery_limit');
    await system.startWorker();
    await injectPoison(3);
    // The worker records every one of them.
    await eventually(async () => {
      const groups = await call<{ items: { count: number }[] }>('GET', '/admin/failures/groups', {
        token: admin.accessToken,
      });
      const total = groups.body.items.reduce((sum, group) => sum + group.count, 0);
      return total === RENAMES + 3 ? total : undefined;
    }, 30_000);
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  it('serves the admin API: pages of failures, one in full, a 422 for an empty filter, a 403 for a plain user', async () => {
    const first = await call<{ items: { id: string }[]; nextCursor: string | null }>(
      'GET',
      '/admin/failures?type=users.rename-user&limit=4',
      { token: adminToken },
    );
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(4);
    const seen = new Set(first.body.items.map((item) => item.id));
    let cursor = first.body.nextCursor;
    while (cursor !== null) {
      const page = await call<{ items: { id: string }[]; nextCursor: string | null }>(
        'GET',
        `/admin/failures?type=users.rename-user&limit=4&cursor=${cursor}`,
        { token: adminToken },
      );
      for (const item of page.body.items) seen.add(item.id);
      cursor = page.body.nextCursor;
    }
    expect(seen.size).toBe(RENAMES);
    const [id] = seen;
    const one = await call<{ headers: unknown; payload: { type: string } }>('GET', `/admin/failures/${id}`, {
      token: adminToken,
    });
    expect(one.body.payload.type).toBe('users.rename-user');
    expect((await call('GET', '/admin/failures/999999999', { token: adminToken })).status).toBe(404);
    const empty = await call<{ errors: { pointer: string }[] }>('POST', '/admin/failures/purge', {
      token: adminToken,
      body: { filter: {} },
    });
    expect(empty.status).toBe(422);
    expect(empty.headers.get('content-type')).toContain('application/problem+json');
    expect(empty.body.errors[0]?.pointer).toBe('/filter');
    // Numbers the table's columns cannot hold (an id past bigint, attempts past integer) are refused with
    // pointers before anything reaches PostgreSQL or the queue, never a 500 or a command that fails later.
    const tooLarge: [method: string, path: string, body: unknown, pointer: string][] = [
      ['GET', '/admin/failures/9999999999999999999', undefined, '/id'],
      ['POST', '/admin/failures/9223372036854775808/retry', undefined, '/id'],
      ['GET', '/admin/failures?minAttempts=3000000000', undefined, '/minAttempts'],
      ['POST', '/admin/failures/retry', { filter: { ids: ['9999999999999999999'] } }, '/filter/ids/0'],
      ['POST', '/admin/failures/purge', { filter: { maxAttempts: 3_000_000_000 } }, '/filter/maxAttempts'],
    ];
    for (const [method, path, body, pointer] of tooLarge) {
      const refused = await call<{ errors: { pointer: string }[] }>(method, path, {
        token: adminToken,
        body,
      });
      expect({ path, status: refused.status, pointer: refused.body.errors?.[0]?.pointer }).toEqual({
        path,
        status: 422,
        pointer,
      });
    }
    expect((await call('GET', '/admin/failures/9223372036854775807', { token: adminToken })).status).toBe(
      404,
    );
    expect((await call('GET', '/admin/failures/groups', { token: plainToken })).status).toBe(403);
    expect((await call('GET', '/admin/failures/groups')).status).toBe(401);
  });

  it('signs an admin in, shows the overview and the failures grouped, at 360 px wide', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    const scriptErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') scriptErrors.push(message.text());
    });
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.waitForURL(/\/console$/);
    expect(await page.locator('h1').textContent()).toBe('Overview');
    // Scheduled messages due and not yet sent: none are due, so the figure is 0.
    const scheduled = page
      .locator('h2', { hasText: 'Scheduled messages' })
      .locator('xpath=following-sibling::div[1]/div[1]');
    expect(await scheduled.locator('.muted').textContent()).toBe('due, not yet sent');
    expect(await scheduled.locator('.big').textContent()).toBe('0');
    const [session] = await context.cookies();
    expect(session).toMatchObject({ name: 'cf_console', httpOnly: true, sameSite: 'Strict' });
    // Nothing overflows the narrow viewport.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    if (process.env.CONSOLE_SCREENSHOTS === '1')
      await page.screenshot({ path: `${DOCS}console-overview.png`, fullPage: true });

    await page.goto(`${system.baseUrl}/console/failures`);
    const renames = page.locator('section', { hasText: 'users.rename-user' });
    expect(await renames.locator('.count').textContent()).toBe(String(RENAMES));
    expect(await renames.textContent()).toContain('delivery_limit');
    const poison = page.locator('section', { hasText: 'users.no-such-command' });
    expect(await poison.locator('.count').textContent()).toBe('3');
    expect(await poison.textContent()).toContain('messages.poison');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    if (process.env.CONSOLE_SCREENSHOTS === '1')
      await page.screenshot({ path: `${DOCS}console-failure-groups.png`, fullPage: true });
    expect(scriptErrors).toEqual([]);
    await context.close();
  });

  it(`retries a group at ${RATE} messages a second and sees it drain in the expected time`, async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${system.baseUrl}/console/failures`);
    const renames = page.locator('section', { hasText: 'users.rename-user' });
    await renames.locator('input[name=rate]').fill(String(RATE));
    const started = Date.now();
    await renames.getByRole('button', { name: 'Retry group' }).click();
    await page.waitForURL(/\/console\/actions\//);
    // console.js keeps the progress live until the action is done.
    await expect
      .poll(() => page.locator('.status').textContent(), { timeout: 30_000, interval: 100 })
      .toBe('succeeded');
    const seconds = (Date.now() - started) / 1000;
    expect(await page.locator('.progress').textContent()).toBe(`${RENAMES} of ${RENAMES} done, 0 left`);
    // Who asked: the admin's user id.
    expect(await page.locator('main').textContent()).toMatch(/asked by[0-9a-f]{8}-[0-9a-f-]{27}/);
    // 10 messages at 5 a second: the first goes at once, the last 1.8 s later; well within 10 s in all.
    expect(seconds).toBeGreaterThanOrEqual((RENAMES - 1) / RATE);
    expect(seconds).toBeLessThan(15);
    await page.goto(`${system.baseUrl}/console/failures`);
    expect(await page.locator('section', { hasText: 'users.rename-user' }).count()).toBe(0);
    await context.close();
  });

  it('opens one failure in full, its secrets redacted', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${system.baseUrl}/console/failures`);
    await page.locator('section', { hasText: 'users.no-such-command' }).locator('dd a').click();
    await page.waitForURL(/\/console\/failures\/\d+$/);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('messages.poison');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain('sk-live-123');
    expect(poisonIds.some((id) => text.includes(id))).toBe(true);
    await context.close();
  });

  it('refuses a user without the admin role, and an action without the session’s CSRF token', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, plainEmail, PLAIN);
    await page.waitForSelector('[role=alert]');
    expect(await page.locator('[role=alert]').textContent()).toContain('admin role');
    expect(await context.cookies()).not.toContainEqual(expect.objectContaining({ name: 'cf_console' }));
    const direct = await context.request.get(`${system.baseUrl}/console/failures`, { maxRedirects: 0 });
    expect(direct.status()).toBe(303);

    await signIn(page, ADMIN.email, ADMIN.password);
    await page.waitForURL(/\/console$/);
    const forged = await context.request.post(`${system.baseUrl}/console/failures/purge`, {
      form: { fingerprint: '0123456789abcdef' },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    const headers = (await context.request.get(`${system.baseUrl}/console`)).headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    await context.close();
  });
});
