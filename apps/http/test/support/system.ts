import { fileURLToPath } from 'node:url';
import { createLogger } from '@contextflow/core-infra';
import { createDatabase } from '@contextflow/runtime';
import { buildTopology, RabbitMqTransport } from '@contextflow/runtime/messaging';
import { createTestDatabase, testAmqpUrl, uniquePrefix } from '@contextflow/runtime/testing';
import {
  type AppProcess,
  freePorts,
  logMessage,
  runToCompletion,
  startProcess,
} from '@contextflow/test-utils';
import type { Kysely } from 'kysely';
import { modules } from '../../src/modules.js';
import { kyselyOverIpc } from './kysely-over-ipc.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const HTTP_MAIN = `${repoRoot}apps/http/dist/main.js`;
const WORKER_MAIN = `${repoRoot}apps/worker/dist/main.js`;
/** What `pnpm dev` runs: HTTP, consumers and relay in one process. */
export const DEV_MAIN = `${repoRoot}apps/http/dist/dev.js`;

/**
 * The two configurations every contract suite runs against: `services` — the built http and worker apps on
 * PostgreSQL and RabbitMQ; `embedded` — `dist/dev.js` alone, on in-memory PGlite and in-process messaging.
 */
export type SystemConfig = 'services' | 'embedded';

/** The configuration of this run: `E2E_CONFIG` (each vitest project sets it), `services` when unset. */
export function systemConfig(): SystemConfig {
  const value = process.env.E2E_CONFIG ?? 'services';
  if (value !== 'services' && value !== 'embedded')
    throw new Error(`E2E_CONFIG must be services or embedded, not "${value}"`);
  return value;
}

/**
 * Where a process's operations server (`/metrics`, `/health/*`) listens, from its `operations server
 * listening` log line: the http app's, dev.js's (embedded) or the worker's.
 */
export function operationsUrl(process: AppProcess): string {
  for (const line of process.lines) {
    if (!logMessage('operations server listening')(line)) continue;
    const { address, port } = JSON.parse(line) as { address?: unknown; port?: unknown };
    if (typeof port === 'number' && typeof address === 'string') return `http://${address}:${port}`;
  }
  throw new Error(`${process.name} did not log where its operations server listens`);
}

/** The running system, whichever configuration it is. */
export interface System {
  readonly config: SystemConfig;
  readonly baseUrl: string;
  /**
   * Read access to the system's database: a PostgreSQL pool (services), or queries run inside dev.js over
   * its IPC channel (embedded: PGlite's single session belongs to that process). Closed by `close()`.
   */
  readonly db: Kysely<unknown>;
  /** The process serving HTTP: the http app, or dev.js when embedded (it runs everything). */
  readonly http: AppProcess;
  /**
   * Stops the http app and starts it again with `env` over the system's environment (an empty value unsets a
   * variable), as an operator restarting it with a new configuration would (services only). Resolves with the
   * new process once it listens, or once it has exited (a refused start: look at `exited` and `lines`).
   */
  restartHttp(env?: Readonly<Record<string, string>>): Promise<AppProcess>;
  /** The broker and name prefix of the system's topology (services only: `null` when embedded). */
  readonly amqp: { readonly url: string; readonly namespace: string } | null;
  /** The worker process while it runs; always null when embedded (dev.js consumes in-process). */
  readonly worker: AppProcess | null;
  /** Starts the worker process (services only). */
  startWorker(): Promise<AppProcess>;
  /** Stops the worker process (services only). */
  stopWorker(): Promise<void>;
  /** Every log line of every process so far (http, worker, migrations; dev.js when embedded). */
  allLines(): string[];
  close(): Promise<void>;
}

/** Options of {@link startSystem}. */
export interface SystemOptions {
  /** Default: {@link systemConfig}. */
  readonly config?: SystemConfig;
  /** Broker of the worker (services only; default: the shared test broker). */
  readonly amqpUrl?: string;
  /** Start the worker with the system (services only; default true). */
  readonly worker?: boolean;
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Starts the whole system from the built apps (`turbo run build` first; the e2e task depends on it) in the
 * chosen configuration: on a fresh database and a private broker namespace, or as one dev.js process on a
 * fresh in-memory PGlite. Either way it resolves once the API answers.
 */
export async function startSystem(options: SystemOptions = {}): Promise<System> {
  const port = (await freePorts(1))[0]!;
  const env = {
    PORT: String(port),
    // The operations servers of parallel suites must not fight over a port: each takes a free one.
    METRICS_PORT: '0',
    // Every request of a suite comes from 127.0.0.1: the per-address registration limit is not what most
    // suites test (the ones that do set their own).
    REGISTER_MAX_PER_ADDRESS_PER_HOUR: '10000',
    LOG_LEVEL: 'info',
    NODE_ENV: 'test',
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...options.env,
  };
  const config = options.config ?? systemConfig();
  return config === 'embedded' ? startEmbedded(port, env) : startServices(port, env, options);
}

async function startEmbedded(port: number, env: Record<string, string>): Promise<System> {
  // Whatever the shell exports, this configuration has no external service: in-memory PGlite, in-process broker.
  const {
    DATABASE_URL: _db,
    AMQP_URL: _amqp,
    AMQP_NAMESPACE: _ns,
    DATA_DIR: _dir,
    ...inherited
  } = process.env;
  const dev = startProcess('dev', [DEV_MAIN], { env: { ...inherited, ...env }, ipc: true });
  // A first start on a machine initialises PGlite's template (initdb): slower than the later ones.
  await dev.waitForLine(logMessage('dev ready'), 90_000).catch(async (error: unknown) => {
    await dev.stop();
    throw error;
  });
  const fail = () =>
    Promise.reject(new Error('embedded: the worker runs inside dev.js, not as its own process'));
  return {
    config: 'embedded',
    baseUrl: `http://127.0.0.1:${port}`,
    db: kyselyOverIpc(dev.child),
    http: dev,
    restartHttp: () => Promise.reject(new Error('embedded: dev.js runs everything; restart it as a whole')),
    amqp: null,
    worker: null,
    startWorker: fail,
    stopWorker: fail,
    allLines: () => [...dev.lines],
    async close() {
      await dev.stop();
    },
  };
}

async function startServices(
  port: number,
  baseEnv: Record<string, string>,
  options: SystemOptions,
): Promise<System> {
  const database = await createTestDatabase();
  const amqpUrl = options.amqpUrl ?? testAmqpUrl();
  const namespace = uniquePrefix('e2e');
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    AMQP_URL: amqpUrl,
    AMQP_NAMESPACE: namespace,
    // Workers of parallel suites must not fight over the default operations port: each takes a free one.
    WORKER_HTTP_PORT: '0',
    ...baseEnv,
  };
  const extraLines: string[] = [];
  extraLines.push(...(await runToCompletion('migrate', [WORKER_MAIN, 'migrate'], { env })));
  let http = startProcess('http', [HTTP_MAIN], { env });
  await http.waitForLine(logMessage('listening')).catch(async (error: unknown) => {
    await http.stop();
    await database.drop();
    throw error;
  });
  const db = createDatabase({ url: database.url, poolSize: 2 }) as unknown as Kysely<unknown>;
  let worker: AppProcess | null = null;

  const system: System = {
    config: 'services',
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    get http() {
      return http;
    },
    async restartHttp(overrides = {}) {
      extraLines.push(...http.lines);
      await http.stop();
      http = startProcess('http', [HTTP_MAIN], { env: { ...env, ...overrides } });
      // Either line settles it: a refused start exits before it listens.
      await Promise.race([http.waitForLine(logMessage('listening')).catch(() => undefined), http.exited]);
      return http;
    },
    amqp: { url: amqpUrl, namespace },
    get worker() {
      return worker;
    },
    async startWorker() {
      const started = startProcess('worker', [WORKER_MAIN, 'run'], { env });
      await started.waitForLine(logMessage('outbox relay started'));
      await started.waitForLine(logMessage('consumers started'));
      worker = started;
      return started;
    },
    async stopWorker() {
      if (worker === null) return;
      extraLines.push(...worker.lines);
      await worker.stop();
      worker = null;
    },
    allLines: () => [...extraLines, ...http.lines, ...(worker?.lines ?? [])],
    async close() {
      await db.destroy();
      await Promise.all([system.stopWorker(), http.stop()]);
      const transport = new RabbitMqTransport({ url: amqpUrl, logger: createLogger({ level: 'silent' }) });
      try {
        await transport.deleteTopology(buildTopology(modules, { namespace }));
      } finally {
        await transport.close();
      }
      await database.drop();
    },
  };
  if (options.worker !== false) await system.startWorker();
  return system;
}
