import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHarness, startAuthHarness } from './auth-http-harness.js';

let h: AuthHarness;
let sequence = 0;
const PASSWORD = 'a-long-enough-passphrase';
const anEmail = () => `user${(sequence += 1)}@example.com`;
const anAddress = () => `198.51.100.${(sequence += 1)}`;
const probe = (token: string) =>
  h.call('GET', '/commands/01900000-0000-7000-8000-000000000000', undefined, { token });

beforeAll(async () => {
  h = await startAuthHarness({
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
    LOGIN_MAX_FAILURES_PER_ADDRESS: '10',
    LOGIN_FAILURE_WINDOW_SECONDS: '60',
  });
});

afterAll(async () => {
  await h?.stop();
});

describe('auth security over a real database', () => {
  it('answers an unknown email and a wrong password with the same 401', async () => {
    const email = anEmail();
    await h.register(email, PASSWORD);
    const attempts = [
      { email, password: 'not-the-password' },
      { email: anEmail(), password: PASSWORD },
      { email: 'not an email', password: PASSWORD },
    ];
    const answers = [];
    for (const body of attempts) {
      const response = await h.call('POST', '/auth/login', body, { address: anAddress() });
      answers.push({
        status: response.status,
        type: response.headers.get('content-type'),
        auth: response.headers.get('www-authenticate'),
        body: await response.json(),
      });
    }
    expect(answers[0]).toEqual({
      status: 401,
      type: 'application/problem+json',
      auth: 'Bearer',
      body: expect.objectContaining({ code: 'auth.invalid_credentials' }),
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('throttles an account after repeated failures, even with the right password, while its sessions keep working', async () => {
    const email = anEmail();
    await h.register(email, PASSWORD);
    const session = await h.login(email, PASSWORD);
    for (let i = 0; i < 3; i += 1) {
      const wrong = await h.call(
        'POST',
        '/auth/login',
        { email, password: `wrong-${i}` },
        { address: anAddress() },
      );
      expect(wrong.status).toBe(401);
    }
    const blocked = await h.call(
      'POST',
      '/auth/login',
      { email, password: PASSWORD },
      { address: anAddress() },
    );
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(55);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await blocked.json()).toMatchObject({ status: 429, code: 'auth.too_many_attempts' });

    expect((await probe(session.accessToken)).status).toBe(404);
    const refreshed = await h.call('POST', '/auth/refresh', { refreshToken: session.refreshToken });
    expect(refreshed.status).toBe(200);
  });

  it('throttles a client address that fails across many accounts, and only that address', async () => {
    const email = anEmail();
    await h.register(email, PASSWORD);
    const sprayer = anAddress();
    for (let i = 0; i < 10; i += 1) {
      await h.call('POST', '/auth/login', { email: anEmail(), password: PASSWORD }, { address: sprayer });
    }
    const fromSprayer = await h.call(
      'POST',
      '/auth/login',
      { email, password: PASSWORD },
      { address: sprayer },
    );
    expect(fromSprayer.status).toBe(429);
    expect(
      (await h.call('POST', '/auth/login', { email, password: PASSWORD }, { address: anAddress() })).status,
    ).toBe(200);
  });

  it('serves a burst of concurrent sign-ins larger than the connection pool', async () => {
    const email = anEmail();
    await h.register(email, PASSWORD);
    const burst = await Promise.all(
      Array.from({ length: 24 }, () =>
        h.call('POST', '/auth/login', { email, password: PASSWORD }, { address: anAddress() }),
      ),
    );
    expect(burst.map((response) => response.status)).toEqual(Array(24).fill(200));
  });

  it('never stores or logs the plaintext password', async () => {
    const canary = `Canary-${randomBytes(8).toString('hex')}-phrase`;
    const email = anEmail();
    await h.register(email, canary, 'Canary Owner');
    const tokens = await h.login(email, canary);
    await h.call('POST', '/auth/login', { email, password: `${canary}-wrong` });
    await h.call('POST', '/auth/refresh', { refreshToken: tokens.refreshToken });
    const twin = await h.call('POST', '/auth/register', { email, password: canary, name: 'Twin' });
    await h.runQueued(((await twin.json()) as { commandId: string }).commandId).catch(() => {});
    await h.call('POST', '/auth/register', { email: anEmail(), password: canary, name: '\u0007bell' });

    const tables = await sql<{ name: string }>`
      select table_schema || '.' || table_name as name from information_schema.tables
      where table_schema = 'auth' or (table_schema = 'platform' and table_name in ('commands', 'outbox', 'inbox'))
    `.execute(h.runtime.db);
    expect(tables.rows.length).toBeGreaterThanOrEqual(7);
    let stored = '';
    for (const { name } of tables.rows) {
      const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(
        h.runtime.db,
      );
      stored += rows.rows.map((r) => r.row).join('\n');
    }
    // The scan reads real data: the email is there, the password is not.
    expect(stored).toContain(email);
    expect(stored).not.toContain(canary);
    expect(h.lines.length).toBeGreaterThan(0);
    expect(h.lines.join('\n')).not.toContain(canary);
  });

  it('measures sign-in latency over 200 logins (printed, not asserted)', async () => {
    const email = anEmail();
    await h.register(email, PASSWORD);
    const durations: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const started = performance.now();
      const response = await h.call('POST', '/auth/login', { email, password: PASSWORD });
      durations.push(performance.now() - started);
      expect(response.status).toBe(200);
    }
    durations.sort((a, b) => a - b);
    const at = (q: number) =>
      durations[Math.min(durations.length - 1, Math.ceil(q * durations.length) - 1)] ?? 0;
    console.log(
      `login latency over ${durations.length} logins via app.request (argon2id m=19456 t=2 p=1): ` +
        `p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${at(1).toFixed(1)} ms`,
    );
  });
});
