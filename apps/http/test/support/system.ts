import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@contextflow/core-infra';
import { buildTopology, RabbitMqTransport } from '@contextflow/core-infra/messaging';
import {
  createTestDatabase,
  testAmqpUrl,
  type TestDatabase,
  uniquePrefix,
} from '@contextflow/core-infra/testing';
import { modules } from '../../src/modules.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const HTTP_MAIN = `${repoRoot}apps/http/dist/main.js`;
const WORKER_MAIN = `${repoRoot}apps/worker/dist/main.js`;

/** A started app process whose JSON log lines are kept for assertions. */
export interface AppProcess {
  readonly child: ChildProcess;
  readonly lines: string[];
  /** Resolves with the first log line matching, waiting up to `timeoutMs`. */
  waitForLine(match: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** The whole system as separate processes: the built http and worker apps on a fresh database. */
export interface System {
  readonly baseUrl: string;
  readonly database: TestDatabase;
  readonly amqpUrl: string;
  readonly namespace: string;
  http: AppProcess;
  worker: AppProcess | null;
  startWorker(): Promise<AppProcess>;
  stopWorker(): Promise<void>;
  /** Every log line of every process so far (http, worker, migrations). */
  allLines(): string[];
  close(): Promise<void>;
}

/** Options of {@link startSystem}. */
export interface SystemOptions {
  /** Broker of the worker (default: the shared test broker). */
  readonly amqpUrl?: string;
  /** Start the worker with the system (default true). */
  readonly worker?: boolean;
  readonly env?: Readonly<Record<string, string>>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

function startProcess(name: string, args: string[], env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters = new Set<{ match: (line: string) => boolean; resolve: (line: string) => void }>();
  let buffer = '';
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      lines.push(line);
      for (const waiter of waiters) {
        if (waiter.match(line)) {
          waiters.delete(waiter);
          waiter.resolve(line);
        }
      }
      newline = buffer.indexOf('\n');
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    waitForLine(match, timeoutMs = 30_000) {
      const found = lines.find(match);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.add(waiter);
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `${name}: no matching log line within ${timeoutMs} ms; last lines:\n${lines.slice(-20).join('\n')}`,
            ),
          );
        }, timeoutMs);
        void exited.then((code) => {
          if (!waiters.has(waiter)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          reject(
            new Error(
              `${name} exited (${code}) before the expected line; last lines:\n${lines.slice(-20).join('\n')}`,
            ),
          );
        });
        const original = waiter.resolve;
        waiter.resolve = (line) => {
          clearTimeout(timer);
          original(line);
        };
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

async function runToCompletion(name: string, args: string[], env: Record<string, string>): Promise<string[]> {
  const proc = startProcess(name, args, env);
  const code = await new Promise<number | null>((resolve) => proc.child.once('exit', resolve));
  if (code !== 0) throw new Error(`${name} exited with ${code}:\n${proc.lines.join('\n')}`);
  return proc.lines;
}

const logMessage = (text: string) => (line: string) => line.includes(`"msg":"${text}"`);

/**
 * Starts the built http and worker apps as child processes on a fresh database and a private broker
 * namespace, migrated by the worker's own `migrate` command. Build first (`turbo run build`; the e2e task
 * depends on it).
 */
export async function startSystem(options: SystemOptions = {}): Promise<System> {
  const database = await createTestDatabase();
  const amqpUrl = options.amqpUrl ?? testAmqpUrl();
  const namespace = uniquePrefix('e2e');
  const port = await freePort();
  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    AMQP_URL: amqpUrl,
    AMQP_NAMESPACE: namespace,
    // Workers of parallel suites must not fight over the default operations port: each takes a free one.
    WORKER_HTTP_PORT: '0',
    PORT: String(port),
    LOG_LEVEL: 'info',
    NODE_ENV: 'test',
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...options.env,
  };
  const extraLines: string[] = [];
  extraLines.push(...(await runToCompletion('migrate', [WORKER_MAIN, 'migrate'], env)));
  const http = startProcess('http', [HTTP_MAIN], env);
  await http.waitForLine(logMessage('listening'));

  const system: System = {
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    amqpUrl,
    namespace,
    http,
    worker: null,
    async startWorker() {
      const worker = startProcess('worker', [WORKER_MAIN, 'run'], env);
      await worker.waitForLine(logMessage('outbox relay started'));
      await worker.waitForLine(logMessage('consumers started'));
      system.worker = worker;
      return worker;
    },
    async stopWorker() {
      if (system.worker === null) return;
      extraLines.push(...system.worker.lines);
      await system.worker.stop();
      system.worker = null;
    },
    allLines: () => [...extraLines, ...http.lines, ...(system.worker?.lines ?? [])],
    async close() {
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
