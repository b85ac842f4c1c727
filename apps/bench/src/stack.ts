import { createServer } from 'node:net';
import { createLogger } from '@contextflow/core-infra';
import { buildTopology, RabbitMqTransport } from '@contextflow/runtime/messaging';
import { BENCH_MODULES } from './common/bench-modules.js';
import { DEV_MAIN, HTTP_MAIN, PROFILE_DIR, RAW_HTTP_CHILD, WORKER_MAIN } from './common/paths.js';
import { createTestDatabase } from '@contextflow/runtime/testing';
import { login, waitFor200 } from './http.js';
import type { BenchKey } from './keys.js';
import { type NodeProcess, startNode } from './process/node-process.js';

/**
 * The V8 heap limits the apps are started with (package.json's start scripts and the Dockerfile carry the same;
 * scripts/node-flags.test.ts checks they agree). Without them V8 sizes its heap from the machine's memory:
 * 64 MiB semi-spaces and an old generation allowed to grow to 4× the live data made the http app's RSS
 * 250–375 MiB under load for ~40 MiB of live objects; with them it stays near 150–170 MiB for ~5% more CPU.
 */
export const APP_NODE_FLAGS = ['--max-semi-space-size=16', '--max-old-space-size=512'] as const;

/** The administrator the apps bootstrap; the bench logs in as them. */
export const ADMIN = { email: 'bench-admin@bench.example', password: 'bench admin password' };

/**
 * The environment of the http app and the worker (nothing of the bench's own leaks in): production mode,
 * `info` logs, the run's database, broker namespace and signing key; with `cpuProfile`, V8 CPU profiles.
 */
export function appEnv(options: {
  readonly databaseUrl: string;
  readonly amqpUrl: string;
  readonly namespace: string;
  readonly key: BenchKey;
  readonly cpuProfile: boolean;
}): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    DATABASE_URL: options.databaseUrl,
    AMQP_URL: options.amqpUrl,
    AMQP_NAMESPACE: options.namespace,
    JWT_PRIVATE_KEY: options.key.privatePem,
    JWT_KEY_ID: options.key.kid,
    // Production requires an SMTP server; the bench registers no account, so nothing is ever sent to it.
    SMTP_URL: 'smtp://127.0.0.1:2525',
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    SHUTDOWN_TIMEOUT_MS: '5000',
    // The apps write V8 CPU profiles (open them in Chrome DevTools) when they stop.
    ...(options.cpuProfile ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${PROFILE_DIR}` } : {}),
  };
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** A started process and how long it took to be ready (ms from spawn). */
export interface Started {
  readonly process: NodeProcess;
  readonly readyMs: number;
  readonly baseUrl: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Waits for `readiness`; a process that never gets ready is stopped, not left behind. */
async function ready(process: NodeProcess, readiness: () => Promise<number>): Promise<number> {
  try {
    return await readiness();
  } catch (error) {
    await process.stop();
    throw error;
  }
}

/** Runs `worker migrate` to its end; returns how long it took. */
export async function migrate(env: Env): Promise<number> {
  const run = startNode('migrate', [...APP_NODE_FLAGS, WORKER_MAIN, 'migrate'], env);
  const code = await new Promise<number | null>((resolve) => run.child.once('exit', resolve));
  if (code !== 0) throw new Error(`migrate exited with ${code}:\n${run.tail()}`);
  return performance.now() - run.startedAt;
}

/** Starts the http app; ready = `/health/ready` answers 200 (database reachable, migrations applied). */
export async function startHttp(env: Env): Promise<Started> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // METRICS_PORT 0: the operations server takes a free port, never one another run holds.
  const process = startNode('http', [...APP_NODE_FLAGS, HTTP_MAIN], {
    ...env,
    PORT: String(port),
    METRICS_PORT: '0',
  });
  const at = await ready(process, () =>
    waitFor200(`${baseUrl}/health/ready`, () => process.child.exitCode === null),
  );
  return { process, readyMs: at - process.startedAt, baseUrl };
}

/** Starts the worker; ready = its `worker ready` line (consumers and relay started). */
export async function startWorker(env: Env): Promise<Started> {
  const process = startNode('worker', [...APP_NODE_FLAGS, WORKER_MAIN, 'run'], {
    ...env,
    WORKER_HTTP_PORT: '0',
  });
  const at = await ready(process, () => process.waitFor('"msg":"worker ready"'));
  return { process, readyMs: at - process.startedAt, baseUrl: '' };
}

/** Starts embedded mode (`dist/dev.js`: in-memory PGlite, in-process messaging); ready = `dev ready`. */
export async function startEmbedded(env: Env): Promise<Started> {
  const port = await freePort();
  const process = startNode('embedded', [DEV_MAIN], { ...env, PORT: String(port), METRICS_PORT: '0' });
  const at = await ready(process, () => process.waitFor('dev ready', 120_000));
  return { process, readyMs: at - process.startedAt, baseUrl: `http://127.0.0.1:${port}` };
}

/** Starts the raw Hono + pg baseline. */
export async function startRawHttp(env: Env): Promise<Started> {
  const port = await freePort();
  const process = startNode('raw', [...APP_NODE_FLAGS, RAW_HTTP_CHILD], { ...env, PORT: String(port) });
  const at = await ready(process, () => process.waitFor('raw http listening'));
  return { process, readyMs: at - process.startedAt, baseUrl: `http://127.0.0.1:${port}` };
}

/** Starts the bare floor: the raw server with no auth at all (`FLOOR=1`), the same SQL and JSON. */
export async function startFloorHttp(env: Env): Promise<Started> {
  const port = await freePort();
  const process = startNode('floor', [...APP_NODE_FLAGS, RAW_HTTP_CHILD], {
    ...env,
    PORT: String(port),
    FLOOR: '1',
  });
  const at = await ready(process, () => process.waitFor('floor http listening'));
  return { process, readyMs: at - process.startedAt, baseUrl: `http://127.0.0.1:${port}` };
}

/** Deletes the broker objects (queues, exchanges) the apps declared under `namespace`. */
export async function cleanUp(amqpUrl: string, namespace: string): Promise<void> {
  const transport = new RabbitMqTransport({ url: amqpUrl, logger: createLogger({ level: 'silent' }) });
  try {
    await transport.deleteTopology(buildTopology(BENCH_MODULES, { namespace }));
  } finally {
    await transport.close();
  }
}

/**
 * The http app on a database of its own (the scale phase's large side): the database is created, migrated and
 * filled by `fill` before the app starts; the admin is logged in. `own` hands the database and the app to the
 * caller, which drops and stops them with the rest of the run.
 */
export async function startHttpOnNewDatabase(
  env: Env,
  fill: (databaseUrl: string) => Promise<void>,
  own: { database(database: { drop(): Promise<void> }): void; app(app: Started): void },
): Promise<{ baseUrl: string; databaseUrl: string; token: string; stop(): Promise<void> }> {
  const database = await createTestDatabase();
  own.database(database);
  const databaseEnv = { ...env, DATABASE_URL: database.url };
  await migrate(databaseEnv);
  await fill(database.url);
  const app = await startHttp(databaseEnv);
  own.app(app);
  return {
    baseUrl: app.baseUrl,
    databaseUrl: database.url,
    token: await login(app.baseUrl, ADMIN.email, ADMIN.password),
    stop: async () => {
      await app.process.stop();
    },
  };
}
