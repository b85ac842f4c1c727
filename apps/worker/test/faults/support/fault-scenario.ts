import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, CommandBus } from '@contextflow/core';
import { createLogger } from '@contextflow/core-infra';
import { createDatabase, createRuntime, postgresDatabase, type Runtime } from '@contextflow/runtime';
import { failuresModule } from '@contextflow/runtime/operations';
import { buildCommand } from '@contextflow/runtime/testing';
import { type AppProcess, logMessage, type PrivatePostgres, startProcess } from '@contextflow/test-utils';
import { type Kysely, sql } from 'kysely';
import { FaultLedger, type LedgerReport } from './fault-ledger.js';
import { PROBE_COMMAND, probeModule, type ProbePayload } from './probe-module.js';

const PROBE_WORKER = fileURLToPath(new URL('./probe-worker.ts', import.meta.url));
const PROBE_HTTP = fileURLToPath(new URL('./probe-http.ts', import.meta.url));

/** The ledger's numbers plus what the workers' logs say about redeliveries and retries. */
export interface ScenarioReport extends LedgerReport {
  /** Deliveries a worker skipped because the command was already terminal. */
  readonly redelivered: number;
  /** Attempts that failed and were scheduled again. */
  readonly retried: number;
  /** Handler runs that met an unreachable database and waited for it instead of counting an attempt. */
  readonly paused: number;
}

/** Options of {@link Scenario.spawnWorker}. */
export interface SpawnOptions {
  readonly concurrency?: number;
  /** AMQP heartbeat in seconds (how fast the broker notices a frozen worker). */
  readonly heartbeatSeconds?: number;
  /** More environment (SHUTDOWN_TIMEOUT_MS, ...). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * One scenario of the fault suite: its own database on the private PostgreSQL and its own broker namespace on
 * the private RabbitMQ, a client runtime that submits probe commands through the real command bus, worker
 * child processes, and the ledger that judges the outcome.
 */
export class Scenario {
  readonly ledger = new FaultLedger();
  readonly workers: AppProcess[] = [];
  /** HTTP processes, including the ones killed. */
  readonly https: AppProcess[] = [];
  readonly namespace = `f-${randomBytes(3).toString('hex')}.`;

  private constructor(
    readonly name: string,
    readonly databaseUrl: string,
    readonly amqpUrl: (rotation: number) => string,
    readonly db: Kysely<unknown>,
    readonly client: Runtime,
  ) {}

  /** Creates the scenario's database (migrated) on `pg`. */
  static async open(
    name: string,
    pg: PrivatePostgres,
    amqpUrl: (rotation: number) => string,
  ): Promise<Scenario> {
    const database = `cf_fault_${randomBytes(4).toString('hex')}`;
    const admin = createDatabase({ url: pg.url, poolSize: 1 });
    try {
      await sql.raw(`create database ${database}`).execute(admin);
    } finally {
      await admin.destroy();
    }
    const url = new URL(pg.url);
    url.pathname = `/${database}`;
    const databaseUrl = url.toString();
    const client = await createRuntime({
      database: postgresDatabase({ url: databaseUrl, poolSize: 4 }),
      // The operations module too, so the client can send operator actions as the HTTP app does.
      modules: [probeModule('client'), failuresModule],
      logger: createLogger({ level: 'silent' }),
      migrate: true,
    });
    const db = createDatabase({ url: databaseUrl, poolSize: 2 }) as unknown as Kysely<unknown>;
    return new Scenario(name, databaseUrl, amqpUrl, db, client);
  }

  /** Starts a probe worker process and resolves once it consumes and relays. */
  async spawnWorker(name: string, options: SpawnOptions = {}): Promise<AppProcess> {
    // Each worker starts its node list at another node (in a cluster), as a load balancer would spread them.
    const amqp = this.amqpUrl(this.workers.length)
      .split(',')
      .map((node) => {
        const url = new URL(node);
        url.searchParams.set('heartbeat', String(options.heartbeatSeconds ?? 5));
        return url.toString();
      })
      .join(',');
    const worker = startProcess(`${this.name}/${name}`, [PROBE_WORKER], {
      env: {
        ...process.env,
        DATABASE_URL: this.databaseUrl,
        AMQP_URL: amqp,
        AMQP_NAMESPACE: this.namespace,
        WORKER_NAME: name,
        WORKER_CONCURRENCY: String(options.concurrency ?? 5),
        LOG_LEVEL: 'debug',
        ...options.env,
      },
    });
    this.workers.push(worker);
    await worker.waitForLine(logMessage('worker ready'), 60_000);
    return worker;
  }

  /** Starts a probe HTTP process on `port` and resolves once it listens. */
  async startHttp(port: number): Promise<AppProcess> {
    const http = startProcess(`${this.name}/http-${this.https.length + 1}`, [PROBE_HTTP], {
      env: { ...process.env, DATABASE_URL: this.databaseUrl, PORT: String(port), LOG_LEVEL: 'info' },
    });
    this.https.push(http);
    await http.waitForLine(logMessage('listening'), 60_000);
    return http;
  }

  /** Sets a PostgreSQL parameter for every later session on the scenario's database. */
  async setDatabaseParameter(name: string, value: string): Promise<void> {
    const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(this.db);
    await sql`alter database ${sql.id(rows[0]!.db)} set ${sql.id(name)} = ${sql.lit(value)}`.execute(this.db);
  }

  /** Submits one probe command through the command bus and records how that went. */
  async submit(payload: ProbePayload = {}): Promise<string> {
    const command = buildCommand(PROBE_COMMAND, payload);
    const id = command.meta.commandId;
    try {
      await this.client.container.resolve<CommandBus>(CommandBus).send(command);
      this.ledger.record(id, 'accepted');
    } catch (error) {
      // Refused only when PostgreSQL certainly did not take it; a failed commit may have landed.
      const refused = error instanceof AppError || (error as { code?: string }).code === 'ECONNREFUSED';
      this.ledger.record(id, refused ? 'refused' : 'unknown');
    }
    return id;
  }

  /** Submits `count` commands, `parallel` at a time. */
  async burst(count: number, payload: ProbePayload = {}, parallel = 20): Promise<void> {
    let next = 0;
    const lane = async () => {
      while (next < count) {
        next += 1;
        await this.submit(payload);
      }
    };
    await Promise.all(Array.from({ length: parallel }, lane));
  }

  /** Waits until every accepted command is terminal; resolves with the milliseconds it took. */
  async settle(timeoutMs = 120_000): Promise<number> {
    const started = Date.now();
    for (;;) {
      const open = await this.ledger.open(this.db).catch(() => ['database unreachable']);
      if (open.length === 0) return Date.now() - started;
      if (Date.now() - started > timeoutMs) {
        const logs = await this.saveLogs();
        throw new Error(
          `${this.name}: ${open.length} accepted commands still open after ${timeoutMs} ms; logs: ${logs}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Writes every worker's log lines to a temporary directory (for a failed scenario); returns its path. */
  async saveLogs(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), `cf-faults-${this.name}-`));
    await Promise.all(
      [...this.workers, ...this.https].map((worker) =>
        writeFile(join(dir, `${worker.name.replace(/\W/g, '_')}.log`), worker.lines.join('\n')),
      ),
    );
    return dir;
  }

  /** The ledger's verdict plus the workers' redelivery and retry counts; prints one line. */
  async report(extra: Record<string, unknown> = {}): Promise<ScenarioReport> {
    const ledger = await this.ledger.check(this.db);
    const count = (text: string) =>
      this.workers.reduce(
        (sum, worker) => sum + worker.lines.filter((line) => line.includes(text)).length,
        0,
      );
    const report = {
      ...ledger,
      redelivered: count('already finished; delivery skipped'),
      retried: count('retry scheduled'),
      paused: count('database unavailable; pausing'),
    };
    console.log(`[faults] ${this.name} ${JSON.stringify({ ...report, ...extra })}`);
    return report;
  }

  /** Stops the workers and closes the scenario's connections (the private services go with the suite). */
  async close(): Promise<void> {
    await Promise.all([...this.workers, ...this.https].map((worker) => worker.stop()));
    await this.client.stop({ deadlineMs: 2_000 });
    await this.db.destroy();
  }
}
