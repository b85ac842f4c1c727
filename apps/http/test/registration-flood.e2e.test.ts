import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, signUp } from './support/accounts.js';
import { client } from './support/http-client.js';
import { startSystem, type System } from './support/system.js';

const PASSWORD = 'correct horse battery staple';
const FLOOD = 300;
const PER_ADDRESS = 3;

let system: System;
let call: ReturnType<typeof client>;
let user: Account;

beforeAll(async () => {
  // Behind one trusted proxy: the flood comes from many client addresses, as a botnet's would.
  system = await startSystem({
    env: { TRUSTED_PROXY: '1', REGISTER_MAX_PER_ADDRESS_PER_HOUR: String(PER_ADDRESS) },
  });
  call = client(system.baseUrl);
  user = await signUp(call, `legit-${randomBytes(4).toString('hex')}@example.com`, 'Legit User', PASSWORD);
}, 120_000);

afterAll(async () => {
  await system?.close();
});

const register = (email: string, address: string) =>
  fetch(`${system.baseUrl}/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password: PASSWORD, name: 'Flood' }),
  });

describe('a registration flood', () => {
  it('cannot starve sign-in: a login during the flood answers 200, the flood beyond capacity 503 at once, and the log stays short (flood attack)', async () => {
    const tag = randomBytes(4).toString('hex');
    const quiet = performance.now();
    expect(
      (await call('POST', '/auth/login', { body: { email: user.email, password: PASSWORD } })).status,
    ).toBe(200);
    const quietMs = performance.now() - quiet;
    const from = system.http.lines.length;
    const flood = Array.from({ length: FLOOD }, (_, i) =>
      register(`flood-${tag}-${i}@example.com`, `198.51.${Math.floor(i / 250)}.${i % 250}`),
    );
    const started = performance.now();
    const signIn = await call('POST', '/auth/login', { body: { email: user.email, password: PASSWORD } });
    const loginMs = performance.now() - started;
    const replies = await Promise.all(flood);
    const floodMs = performance.now() - started;

    expect(signIn.status).toBe(200);
    const statuses = replies.map((reply) => reply.status);
    const count = (status: number) => statuses.filter((s) => s === status).length;
    expect(count(202)).toBeGreaterThan(0);
    expect(count(503)).toBeGreaterThan(0);
    expect(count(202) + count(503)).toBe(FLOOD);
    const busy = replies.find((reply) => reply.status === 503);
    expect(busy?.headers.get('retry-after')).toBe('1');
    expect(await busy?.json()).toMatchObject({ code: 'auth.busy' });
    console.log(
      `registration flood of ${FLOOD} (${system.config}): login answered ${signIn.status} in ${loginMs.toFixed(0)} ms ` +
        `(${quietMs.toFixed(0)} ms before the flood); ` +
        `${count(202)} accepted, ${count(503)} refused with 503, all answered in ${floodMs.toFixed(0)} ms`,
    );

    const lines = system.http.lines.slice(from);
    const warnings = lines.filter((line) => line.includes('"level":40'));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings.length).toBeLessThanOrEqual(3);
    expect(lines.filter((line) => line.includes('"level":50'))).toEqual([]);
    expect(lines.join('\n')).not.toMatch(/"stack"|\n\s+at /);
  }, 60_000);

  it('limits registrations per client address before hashing: 429 with Retry-After past the limit', async () => {
    const address = '203.0.113.77';
    const tag = randomBytes(4).toString('hex');
    for (let i = 0; i < PER_ADDRESS; i += 1) {
      expect((await register(`one-${tag}-${i}@example.com`, address)).status).toBe(202);
    }
    const refused = await register(`one-${tag}-more@example.com`, address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500);
    expect(await refused.json()).toMatchObject({ code: 'auth.too_many_registrations' });
    expect((await register(`other-${tag}@example.com`, '203.0.113.78')).status).toBe(202);
  });
});
