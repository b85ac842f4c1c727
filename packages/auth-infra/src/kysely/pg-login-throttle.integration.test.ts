import { LoginThrottle } from '@contextflow/auth-app';
import { createLogger } from '@contextflow/core-infra';
import { AfterUnitOfWork } from '@contextflow/core-infra/db';
import { FixedClock } from '@contextflow/core/testing';
import { createRuntime, postgresDatabase, runInUnitOfWork, type Runtime } from '@contextflow/runtime';
import { createTestDatabase, type TestDatabase } from '@contextflow/runtime/testing';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuthConfig } from '../config/load-auth-config.js';
import { createAuthModule } from '../module.js';
import type { AuthTables } from './auth-tables.js';
import { PgLoginThrottle } from './pg-login-throttle.js';

let database: TestDatabase;
const runtimes: Runtime[] = [];
const limits = { accountMaxFailures: 3, addressMaxFailures: 5, windowSeconds: 60 };
let sequence = 0;

// Two instances of the app on one database, as two HTTP processes would be.
async function instance(): Promise<Runtime> {
  const config = loadAuthConfig({
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
    LOGIN_MAX_FAILURES_PER_ADDRESS: '5',
    LOGIN_FAILURE_WINDOW_SECONDS: '60',
  });
  const runtime = await createRuntime({
    database: postgresDatabase({ url: database.url }),
    modules: [createAuthModule(config)],
    logger: createLogger({ level: 'silent' }),
  });
  runtimes.push(runtime);
  return runtime;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await (await instance()).migrate();
  await instance();
});

afterAll(async () => {
  for (const runtime of runtimes) await runtime.stop();
  await database?.drop();
});

const db = () => runtimes[0]?.db as unknown as Kysely<AuthTables>;
/** Outside any unit of work: a failure is written at once. */
const atOnce = () => (runtimes[0] as Runtime).container.resolve<AfterUnitOfWork>(AfterUnitOfWork);
const throttleOf = (runtime: Runtime | undefined) =>
  runtime?.container.resolve<LoginThrottle>(LoginThrottle) as LoginThrottle;
const key = (kind: 'email' | 'address') => `login:${kind}:k${(sequence += 1)}`;
const times = async (n: number, work: () => Promise<void>) => {
  for (let i = 0; i < n; i += 1) await work();
};

describe('PgLoginThrottle', () => {
  it('blocks an account key after its limit until the oldest failure leaves the window', async () => {
    const clock = new FixedClock('2026-03-01T12:00:00.000Z');
    const throttle = new PgLoginThrottle(db(), atOnce(), clock, limits);
    const account = key('email');
    await throttle.recordFailure([account]);
    clock.advance(10_000);
    await throttle.recordFailure([account]);
    await expect(throttle.check([account])).resolves.toBeUndefined();
    await throttle.recordFailure([account]);
    await expect(throttle.check([account])).rejects.toMatchObject({
      kind: 'rate_limited',
      code: 'auth.too_many_attempts',
      retryAfterSeconds: 50,
    });
    clock.advance(50_000);
    await expect(throttle.check([account])).resolves.toBeUndefined();
  });

  it('allows more failures per client address than per account', async () => {
    const throttle = new PgLoginThrottle(db(), atOnce(), new FixedClock('2026-03-01T12:00:00.000Z'), limits);
    const address = key('address');
    await times(4, () => throttle.recordFailure([address]));
    await expect(throttle.check([address])).resolves.toBeUndefined();
    await throttle.recordFailure([address]);
    await expect(throttle.check([address])).rejects.toMatchObject({ retryAfterSeconds: 60 });
  });

  it('is shared by every instance on the same database', async () => {
    const [first, second] = runtimes;
    const account = key('email');
    await times(3, () => throttleOf(first).recordFailure([account]));
    await expect(throttleOf(second).check([account])).rejects.toMatchObject({
      code: 'auth.too_many_attempts',
    });
    await throttleOf(second).reset([account]);
    await expect(throttleOf(first).check([account])).resolves.toBeUndefined();
  });

  it('keeps a failure recorded inside a transaction that rolls back', async () => {
    const runtime = runtimes[0] as Runtime;
    const account = key('email');
    await expect(
      runInUnitOfWork(runtime.container, runtime.db, async (scope) => {
        const throttle = scope.resolve<LoginThrottle>(LoginThrottle);
        await times(3, () => throttle.recordFailure([account]));
        throw new Error('the request failed afterwards');
      }),
    ).rejects.toThrow('the request failed afterwards');
    await expect(throttleOf(runtime).check([account])).rejects.toMatchObject({
      code: 'auth.too_many_attempts',
    });
  });

  it('stores no email or address, only hashes of the keys', async () => {
    const throttle = throttleOf(runtimes[0]);
    await throttle.recordFailure(['login:email:private@example.com', 'login:address:192.0.2.55']);
    const rows = await db().selectFrom('auth.login_failures').select('key_hash').execute();
    expect(JSON.stringify(rows)).not.toMatch(/private@example\.com|192\.0\.2\.55/);
  });
});

describe('PgLoginThrottle with windows of different lengths on one table', () => {
  it("never sweeps another throttle's rows that are still inside that throttle's window", async () => {
    const clock = new FixedClock('2026-03-02T12:00:00.000Z');
    const hourly = new PgLoginThrottle(db(), atOnce(), clock, {
      accountMaxFailures: 2,
      addressMaxFailures: 2,
      windowSeconds: 3600,
    });
    const quick = new PgLoginThrottle(db(), atOnce(), clock, limits);
    const address = `register:address:${key('address')}`;
    await times(2, () => hourly.recordFailure([address]));
    // Long past the quick throttle's 60 s window, still inside the hourly one; the quick throttle sweeps.
    clock.advance(10 * 60_000);
    await quick.recordFailure([key('email')]);
    await expect(hourly.check([address])).rejects.toMatchObject({ code: 'auth.too_many_attempts' });
    clock.advance(3600_000);
    await quick.recordFailure([key('email')]);
    const left = await db()
      .selectFrom('auth.login_failures')
      .select('key_hash')
      .where('expires_at', '<=', clock.now())
      .execute();
    expect(left).toEqual([]);
  });
});
