import { expect } from 'vitest';
import type { Reply } from './http-client.js';

type Call = <T = unknown>(
  method: string,
  path: string,
  options?: { body?: unknown; token?: string; headers?: Record<string, string> },
) => Promise<Reply<T>>;

/** A signed-in user of the e2e tests. */
export interface Account {
  readonly userId: string;
  readonly email: string;
  readonly password: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** Polls `probe` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Logs in and returns the token pair. */
export async function login(call: Call, email: string, password: string) {
  const reply = await call<{ accessToken: string; refreshToken: string }>('POST', '/auth/login', {
    body: { email, password },
  });
  expect(reply.status).toBe(200);
  return reply.body;
}

/** Registers (waiting for the command), logs in, and waits until the users context has the profile. */
export async function signUp(
  call: Call,
  email: string,
  name = 'E2E User',
  password = 'correct horse battery staple',
): Promise<Account> {
  const registered = await call<{ status: string }>('POST', '/auth/register', {
    body: { email, password, name },
    headers: { prefer: 'wait=10' },
  });
  expect(registered.status).toBe(200);
  expect(registered.body.status).toBe('succeeded');
  const tokens = await login(call, email, password);
  // The profile follows from the AccountRegistered event: eventually consistent.
  const me = await eventually(async () => {
    const reply = await call<{ id: string }>('GET', '/users/me', { token: tokens.accessToken });
    return reply.status === 200 ? reply.body : undefined;
  });
  return { userId: me.id, email, password, ...tokens };
}
