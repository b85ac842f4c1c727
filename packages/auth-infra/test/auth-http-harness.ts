import { type Command, CommandBus } from '@contextflow/core';
import type { ContextModule, HttpEnv } from '@contextflow/core-infra';
import { createHttpApp } from '@contextflow/http-kit';
import { createRuntime, postgresDatabase, type Runtime } from '@contextflow/runtime';
import { createTestDatabase, type TestDatabase } from '@contextflow/runtime/testing';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { pino } from 'pino';
import { expect } from 'vitest';
import { type AuthConfig, createAuthModule, loadAuthConfig } from '../src/index.js';

/** What a sign-in answers. */
export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly deviceToken: string;
}

/** Options of one request through {@link AuthHarness.call}. */
export interface CallOptions {
  readonly token?: string;
  /** The socket address the request comes from (default 192.0.2.1). */
  readonly address?: string;
  readonly headers?: Record<string, string>;
}

/**
 * The auth module on a real PostgreSQL database of its own, served through core-infra's `createHttpApp` and
 * called with `app.request()`; no broker: queued commands are run in-process with {@link AuthHarness.runQueued}.
 * Every log line is kept in `lines`.
 */
export interface AuthHarness {
  readonly app: OpenAPIHono<HttpEnv>;
  readonly runtime: Runtime;
  readonly module: ContextModule;
  readonly config: AuthConfig;
  readonly lines: string[];
  call(method: string, path: string, body?: unknown, options?: CallOptions): Promise<Response>;
  /** Runs a command the routes accepted (status `pending`), as the worker would, in-process. */
  runQueued(commandId: string): Promise<unknown>;
  /** Registers through the API (from an address of its own) and runs the command; the new user's id. */
  register(email: string, password: string, name?: string): Promise<string>;
  /** Signs in through the API; the tokens (the answer must be 200). */
  login(email: string, password: string, address?: string, deviceToken?: string): Promise<Tokens>;
  stop(): Promise<void>;
}

/** Starts a harness; `env` overrides the auth configuration (`loadAuthConfig`). */
export async function startAuthHarness(env: Record<string, string> = {}): Promise<AuthHarness> {
  const database: TestDatabase = await createTestDatabase();
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  const config = loadAuthConfig(env);
  const module = createAuthModule(config);
  const runtime = await createRuntime({
    database: postgresDatabase({ url: database.url }),
    modules: [module],
    logger,
  });
  await runtime.migrate();
  const app = createHttpApp({ container: runtime.container, modules: [module], logger });

  const call: AuthHarness['call'] = (method, path, body, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    const init = { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
    return Promise.resolve(
      app.request(path, init, { incoming: { socket: { remoteAddress: options.address ?? '192.0.2.1' } } }),
    );
  };

  // The message the relay would publish: the full command, metadata (actor) included.
  const runQueued: AuthHarness['runQueued'] = async (commandId) => {
    const row = await runtime.db
      .selectFrom('platform.outbox')
      .select('body')
      .where('message_id', '=', commandId)
      .where('kind', '=', 'command')
      .executeTakeFirstOrThrow();
    return runtime.container.resolve<CommandBus>(CommandBus).execute(row.body as Command);
  };

  let registrations = 0;
  return {
    app,
    runtime,
    module,
    config,
    lines,
    call,
    runQueued,
    async register(email, password, name = 'Test User') {
      // Each from an address of its own: the per-address registration limit is not what these run into.
      registrations += 1;
      const address = `10.20.${Math.floor(registrations / 250)}.${registrations % 250}`;
      const response = await call('POST', '/auth/register', { email, password, name }, { address });
      expect(response.status).toBe(202);
      const { commandId, userId } = (await response.json()) as { commandId: string; userId: string };
      await runQueued(commandId);
      return userId;
    },
    async login(email, password, address, deviceToken) {
      const response = await call(
        'POST',
        '/auth/login',
        { email, password, ...(deviceToken === undefined ? {} : { deviceToken }) },
        address === undefined ? {} : { address },
      );
      expect(response.status).toBe(200);
      return (await response.json()) as Tokens;
    },
    async stop() {
      await runtime.stop();
      await database.drop();
    },
  };
}
