import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, signUp } from './support/accounts.js';
import { client } from './support/http-client.js';
import { startSystem, type System } from './support/system.js';

// The address an operator is about to configure as BOOTSTRAP_ADMIN_EMAIL, and the operator's password.
const OPERATOR = { email: 'ops@example.com', password: 'the operator passphrase' };
const ATTACKER_PASSWORD = 'the attacker passphrase';
const UNSET = { BOOTSTRAP_ADMIN_EMAIL: '', BOOTSTRAP_ADMIN_PASSWORD: '' };

let system: System;
let call: ReturnType<typeof client>;

beforeAll(async () => {
  system = await startSystem();
  call = client(system.baseUrl);
}, 120_000);

afterAll(async () => {
  await system?.close();
});

const usersStatus = async (email: string, password: string) =>
  (await call('GET', '/users', { token: (await login(call, email, password)).accessToken })).status;
const fatalLines = (lines: readonly string[]) => lines.filter((line) => line.includes('"level":60'));

describe('the bootstrap administrator, across restarts of the http app', () => {
  it('refuses to start, in one line, when someone registered the bootstrap address first, and the squatter never becomes admin (takeover attack)', async () => {
    await signUp(call, OPERATOR.email, 'Not The Operator', ATTACKER_PASSWORD);
    const refused = await system.restartHttp({
      BOOTSTRAP_ADMIN_EMAIL: OPERATOR.email,
      BOOTSTRAP_ADMIN_PASSWORD: OPERATOR.password,
    });
    expect(await refused.exited).toBe(1);
    const [fatal, ...more] = fatalLines(refused.lines);
    expect(more).toEqual([]);
    expect(JSON.parse(fatal ?? '{}')).toMatchObject({
      code: 'auth.bootstrap_password_mismatch',
      msg: expect.stringContaining('Set BOOTSTRAP_ADMIN_PASSWORD'),
    });
    const output = refused.lines.join('\n');
    expect(output).not.toMatch(/"stack"|\n\s+at /);
    expect(output).not.toContain(OPERATOR.password);

    const back = await system.restartHttp(UNSET);
    expect(back.lines.some((line) => line.includes('"msg":"listening"'))).toBe(true);
    expect(await usersStatus(OPERATOR.email, ATTACKER_PASSWORD)).toBe(403);
  }, 60_000);

  it('does not give a revoked administrator role back at a restart unless the password proves the operator', async () => {
    const root = { email: 'root@example.com', password: 'the root passphrase' };
    await system.restartHttp({ BOOTSTRAP_ADMIN_EMAIL: root.email, BOOTSTRAP_ADMIN_PASSWORD: root.password });
    const { accessToken } = await login(call, root.email, root.password);
    // The users context shows the new account once the worker has projected its registration (later under load).
    let me = await call<{ id: string }>('GET', '/users/me', { token: accessToken });
    await expect
      .poll(
        async () => (me = await call<{ id: string }>('GET', '/users/me', { token: accessToken })).status,
        {
          timeout: 15_000,
        },
      )
      .toBe(200);
    // An administrator takes the role away (here the account itself, the only admin there is).
    const revoked = await call<{ status: string }>('DELETE', `/auth/users/${me.body.id}/roles/admin`, {
      token: accessToken,
      headers: { prefer: 'wait=10' },
    });
    expect(revoked.body.status).toBe('succeeded');
    expect(await usersStatus(root.email, root.password)).toBe(403);

    const guessed = await system.restartHttp({
      BOOTSTRAP_ADMIN_EMAIL: root.email,
      BOOTSTRAP_ADMIN_PASSWORD: 'a guessed passphrase',
    });
    expect(await guessed.exited).toBe(1);
    expect(fatalLines(guessed.lines)).toHaveLength(1);
    await system.restartHttp(UNSET);
    expect(await usersStatus(root.email, root.password)).toBe(403);

    await system.restartHttp({ BOOTSTRAP_ADMIN_EMAIL: root.email, BOOTSTRAP_ADMIN_PASSWORD: root.password });
    expect(await usersStatus(root.email, root.password)).toBe(200);
  }, 60_000);
});
