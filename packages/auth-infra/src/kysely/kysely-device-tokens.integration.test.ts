import { DeviceTokens } from '@contextflow/auth-app';
import { runInUnitOfWork } from '@contextflow/runtime';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { authRuntime, savedAccount } from '../../test/auth-runtime.js';
import { DEVICE_TOKENS_PER_ACCOUNT } from './kysely-device-tokens.js';

const runtime = authRuntime();
let sequence = 0;

function devices<T>(work: (tokens: DeviceTokens) => Promise<T>): Promise<T> {
  return runInUnitOfWork(runtime().container, runtime().db, (scope) =>
    work(scope.resolve<DeviceTokens>(DeviceTokens)),
  );
}

const anAccountId = async () => (await savedAccount(runtime(), `device${(sequence += 1)}@example.com`)).id;

const stored = async () =>
  (await sql<{ row: string }>`select t::text as row from auth.device_tokens t`.execute(runtime().db)).rows
    .map(({ row }) => row)
    .join('\n');

describe('KyselyDeviceTokens', () => {
  it('issues random 256-bit tokens bound to their account and stores only their hash', async () => {
    const accountId = await anAccountId();
    const token = await devices((tokens) => tokens.issue(accountId));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await devices((tokens) => tokens.find(token))).toEqual({ id: expect.any(String), accountId });
    expect(await stored()).toContain(accountId);
    expect(await stored()).not.toContain(token);
    expect(await devices((tokens) => tokens.find(`${token}x`))).toBeNull();
    expect(await devices((tokens) => tokens.find('x'.repeat(10_000)))).toBeNull();
  });

  it(`keeps the ${DEVICE_TOKENS_PER_ACCOUNT} most recently used tokens of an account and drops the oldest`, async () => {
    const accountId = await anAccountId();
    const other = await anAccountId();
    const theirs = await devices((tokens) => tokens.issue(other));
    const issued: string[] = [];
    for (let i = 0; i < DEVICE_TOKENS_PER_ACCOUNT; i += 1)
      issued.push(await devices((tokens) => tokens.issue(accountId)));
    // The first one signs in again: it is now the most recently used and stays.
    await devices(async (tokens) => {
      const first = await tokens.find(issued[0] ?? '');
      if (first !== null) await tokens.used(first);
    });
    await devices((tokens) => tokens.issue(accountId));
    expect(await devices((tokens) => tokens.find(issued[0] ?? ''))).not.toBeNull();
    expect(await devices((tokens) => tokens.find(issued[1] ?? ''))).toBeNull();
    const count = await sql<{ n: string }>`
      select count(*) as n from auth.device_tokens where account_id = ${accountId}
    `.execute(runtime().db);
    expect(count.rows[0]?.n).toBe(String(DEVICE_TOKENS_PER_ACCOUNT));
    expect(await devices((tokens) => tokens.find(theirs))).toEqual({
      id: expect.any(String),
      accountId: other,
    });
  });

  it('revokes every token of one account', async () => {
    const accountId = await anAccountId();
    const other = await anAccountId();
    const mine = [await devices((t) => t.issue(accountId)), await devices((t) => t.issue(accountId))];
    const theirs = await devices((t) => t.issue(other));
    expect(await devices((tokens) => tokens.revokeAll(accountId))).toBe(2);
    for (const token of mine) expect(await devices((tokens) => tokens.find(token))).toBeNull();
    expect(await devices((tokens) => tokens.find(theirs))).not.toBeNull();
    expect(await devices((tokens) => tokens.revokeAll('not-a-uuid'))).toBe(0);
  });
});
