import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHarness, startAuthHarness } from './auth-http-harness.js';

let h: AuthHarness;
let sequence = 0;
const PASSWORD = 'a-long-enough-passphrase';
const anEmail = () => `user${(sequence += 1)}@example.com`;
const anAddress = () => `198.51.${Math.floor((sequence += 1) / 250)}.${sequence % 250}`;
const probe = (token: string) =>
  h.call('GET', '/commands/01900000-0000-7000-8000-000000000000', undefined, { token });

beforeAll(async () => {
  h = await startAuthHarness({
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
    LOGIN_MAX_FAILURES_PER_ADDRESS: '10',
    LOGIN_FAILURE_WINDOW_SECONDS: '60',
    REGISTER_MAX_PER_ADDRESS_PER_HOUR: '3',
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

  it('lets the owner sign in with their device token while strangers on other addresses have locked the account (lockout attack)', async () => {
    const email = anEmail();
    await h.register(email, PASSWORD);
    const home = anAddress();
    const { deviceToken } = await h.login(email, PASSWORD, home);
    for (let i = 0; i < 5; i += 1) {
      await h.call('POST', '/auth/login', { email, password: `attack-${i}` }, { address: anAddress() });
    }
    const withoutDevice = await h.call(
      'POST',
      '/auth/login',
      { email, password: PASSWORD },
      { address: home },
    );
    expect(withoutDevice.status).toBe(429);
    const withDevice = await h.call(
      'POST',
      '/auth/login',
      { email, password: PASSWORD, deviceToken },
      { address: home },
    );
    expect(withDevice.status).toBe(200);
    expect(((await withDevice.json()) as { deviceToken: string }).deviceToken).toBe(deviceToken);
  });

  it('answers a throttled sign-in with 429 whether the password is right or wrong (no correctness oracle)', async () => {
    const email = anEmail();
    await h.register(email, PASSWORD);
    for (let i = 0; i < 3; i += 1) {
      await h.call('POST', '/auth/login', { email, password: `attack-${i}` }, { address: anAddress() });
    }
    const shape = async (password: string) => {
      const reply = await h.call('POST', '/auth/login', { email, password }, { address: anAddress() });
      const { instance: _instance, ...body } = (await reply.json()) as Record<string, unknown>;
      return { status: reply.status, body };
    };
    const right = await shape(PASSWORD);
    expect(right.status).toBe(429);
    expect(await shape('still-guessing')).toEqual(right);
  });

  it('judges a stolen device token by its own failures only: guessing with it locks that device, not the owner', async () => {
    const email = anEmail();
    await h.register(email, PASSWORD);
    const stolen = (await h.login(email, PASSWORD)).deviceToken;
    const owners = (await h.login(email, PASSWORD)).deviceToken;
    for (let i = 0; i < 3; i += 1) {
      const guess = { email, password: `guess-${i}`, deviceToken: stolen };
      expect((await h.call('POST', '/auth/login', guess, { address: anAddress() })).status).toBe(401);
    }
    const withStolen = { email, password: PASSWORD, deviceToken: stolen };
    expect((await h.call('POST', '/auth/login', withStolen, { address: anAddress() })).status).toBe(429);
    const withOwners = { email, password: PASSWORD, deviceToken: owners };
    expect((await h.call('POST', '/auth/login', withOwners, { address: anAddress() })).status).toBe(200);
    expect(
      (await h.call('POST', '/auth/login', { email, password: PASSWORD }, { address: anAddress() })).status,
    ).toBe(200);
  });

  it('never refuses a valid refresh token after fifty garbage ones from the same address (refresh lockout attack)', async () => {
    const email = anEmail();
    await h.register(email, PASSWORD);
    const shared = anAddress();
    const { refreshToken } = await h.login(email, PASSWORD, shared);
    const garbage = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        h.call('POST', '/auth/refresh', { refreshToken: `garbage-${i}` }, { address: shared }),
      ),
    );
    expect(new Set(garbage.map((reply) => reply.status))).toEqual(new Set([401, 429]));
    const valid = await h.call('POST', '/auth/refresh', { refreshToken }, { address: shared });
    expect(valid.status).toBe(200);
    expect(
      (await h.call('POST', '/auth/refresh', { refreshToken: 'one more' }, { address: shared })).status,
    ).toBe(429);
  });

  it('limits registrations per client address before hashing: 429 with Retry-After, no command, no pending hash', async () => {
    const flooder = anAddress();
    const register = (email: string, address = flooder) =>
      h.call('POST', '/auth/register', { email, password: PASSWORD, name: 'Flood' }, { address });
    for (let i = 0; i < 3; i += 1) expect((await register(anEmail())).status).toBe(202);
    const pendingBefore = await sql<{
      n: string;
    }>`select count(*) as n from auth.pending_credentials`.execute(h.runtime.db);
    const email = anEmail();
    const refused = await register(email);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500);
    expect(await refused.json()).toMatchObject({ code: 'auth.too_many_registrations' });
    const pendingAfter = await sql<{ n: string }>`select count(*) as n from auth.pending_credentials`.execute(
      h.runtime.db,
    );
    expect(pendingAfter.rows).toEqual(pendingBefore.rows);
    const commands = await sql<{ n: string }>`
      select count(*) as n from platform.commands where payload->>'email' = ${email}
    `.execute(h.runtime.db);
    expect(commands.rows[0]?.n).toBe('0');
    expect((await register(anEmail(), anAddress())).status).toBe(202);
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

  it('never stores or logs the plaintext password, and keeps its hash inside the auth schema', async () => {
    const canary = `Canary-${randomBytes(8).toString('hex')}-phrase`;
    const email = anEmail();
    await h.register(email, canary, 'Canary Owner');
    const tokens = await h.login(email, canary);
    await h.call('POST', '/auth/login', { email, password: `${canary}-wrong` });
    await h.call('POST', '/auth/refresh', { refreshToken: tokens.refreshToken });
    const twin = await h.call('POST', '/auth/register', { email, password: canary, name: 'Twin' });
    await h.runQueued(((await twin.json()) as { commandId: string }).commandId);
    await h.call('POST', '/auth/register', { email: anEmail(), password: canary, name: '\u0007bell' });

    const tables = await sql<{ schema: string; name: string }>`
      select table_schema as schema, table_schema || '.' || table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
    `.execute(h.runtime.db);
    expect(tables.rows.length).toBeGreaterThanOrEqual(10);
    let stored = '';
    let outsideAuth = '';
    for (const { schema, name } of tables.rows) {
      const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(
        h.runtime.db,
      );
      const text = rows.rows.map((r) => r.row).join('\n');
      stored += text;
      if (schema !== 'auth') outsideAuth += text;
    }
    // The scan reads real data: the email is there, the password is not, and its hash only in auth.
    expect(stored).toContain(email);
    expect(stored).toContain('$argon2id$');
    expect(stored).not.toContain(canary);
    expect(outsideAuth).toContain(email);
    expect(outsideAuth).not.toContain('$argon2');
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
