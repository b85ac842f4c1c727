import type { Kysely } from 'kysely';
import type { DependencyContainer } from 'tsyringe';
import type { PlatformTables } from '../db/platform-tables.js';
import type { ReadinessCheck } from '../http/readiness-check.js';
import type { Logger } from '../logger.js';
import type { MessageTransport } from '../messaging/message-transport.js';
import type { Topology } from '../messaging/topology.js';
import type { RetentionWindows } from '../commands/retention.js';
import type { ContextModule } from '../module.js';
import type { RetryPolicy } from '../messaging/retry-policy.js';
import type { Metrics } from '../observability/metrics.js';
import type { OtlpTracingOptions } from '../observability/otlp-tracing.js';

/** Options of `createRuntime`. */
export interface RuntimeOptions {
  /** PostgreSQL; absent → embedded PGlite (in memory, or in `dataDir`), migrated automatically. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data directory when there is no `databaseUrl` (kept across restarts); absent → in memory. */
  readonly dataDir?: string | undefined;
  /**
   * RabbitMQ, used by `startWorker` and `startRelay`; absent → an in-process broker, which only this process's
   * consumers can read (run the worker and the relay in the same process). An app that only accepts commands
   * and reads never touches either.
   */
  readonly amqpUrl?: string | undefined;
  /** A transport to use instead of the one `amqpUrl` implies (tests); the caller closes it. */
  readonly transport?: MessageTransport | undefined;
  /** Apply every migration before `createRuntime` resolves (default: only on embedded PGlite). */
  readonly migrate?: boolean | undefined;
  readonly modules: readonly ContextModule[];
  readonly logger: Logger;
  /** Prefix of every broker name (tests use a random one). */
  readonly namespace?: string | undefined;
  /** Database pool size (default 10). */
  readonly poolSize?: number | undefined;
  /** Retry delays and attempts of failed messages (tests shorten them). */
  readonly retry?: RetryPolicy | undefined;
  /** Outbox relay tuning: rows per batch (100) and the poll interval when no NOTIFY comes (5 s). */
  readonly relay?: { readonly batchSize?: number; readonly idleMs?: number } | undefined;
  /** How long a publish may wait for the broker's confirm (10 s). */
  readonly publishTimeoutMs?: number | undefined;
  /** Where the runtime records its metrics (default: a new registry with the process metrics). */
  readonly metrics?: Metrics | undefined;
  /**
   * Export OpenTelemetry spans (HTTP requests, outbox publishes, message handling) over OTLP/HTTP while the
   * runtime runs; absent → spans are ids in the logs only.
   */
  readonly tracing?: OtlpTracingOptions | undefined;
}

/** Options of {@link Runtime.startWorker}. */
export interface WorkerOptions {
  /** Contexts whose command queues and event subscriptions to consume (default: every module). */
  readonly contexts?: readonly string[] | undefined;
  /** Messages handled at once per queue (default 10). */
  readonly concurrency?: number | undefined;
  /** Messages the broker sends ahead per queue (default twice the concurrency). */
  readonly prefetch?: number | undefined;
  /** Purge the dedupe records past these windows at start and every `intervalMs` (1 h); absent → never. */
  readonly retention?: (RetentionWindows & { readonly intervalMs?: number }) | undefined;
}

/** What a runtime runs on, for start-up messages and health reports. */
export interface RuntimeMode {
  /** `postgresql` (`databaseUrl`) or `pglite` (embedded). */
  readonly database: 'postgresql' | 'pglite';
  /** PGlite's data directory (absolute); `undefined` in memory and on PostgreSQL. */
  readonly dataDir: string | undefined;
  /** `rabbitmq` (`amqpUrl`), `in-process`, or `custom` (a `transport` passed in). */
  readonly messaging: 'rabbitmq' | 'in-process' | 'custom';
}

/** What both apps run on: the container with every module registered, the database and the messaging. */
export interface Runtime {
  /** Child of tsyringe's root container: Db, Logger, Clock, IdGenerator, buses, stores, then every module. */
  readonly container: DependencyContainer;
  readonly db: Kysely<PlatformTables>;
  /** The broker objects of these modules. */
  readonly topology: Topology;
  readonly mode: RuntimeMode;
  /** Applies the platform migrations, then every module's. */
  migrate(): Promise<void>;
  /** Declares the topology and consumes the command queues and event subscriptions of the chosen contexts. */
  startWorker(options?: WorkerOptions): Promise<void>;
  /**
   * Declares the topology and starts publishing the outbox. With in-process messaging, call `startWorker`
   * first: only this process can consume what it publishes.
   */
  startRelay(): Promise<void>;
  /** The process's metrics (also registered in the container under {@link Metrics}). */
  readonly metrics: Metrics;
  /**
   * What `/health/ready` checks: the database answers, no migration is pending, and the process is not
   * shutting down; with `broker: true` (the worker) also that the broker connection is up.
   */
  readinessChecks(options?: { readonly broker?: boolean }): ReadinessCheck[];
  /** Turns readiness off for good; `stop` does it too, apps call it first thing when a signal arrives. */
  beginShutdown(): void;
  /**
   * Stops consuming and lets in-flight messages finish, then stops the relay and (on a broker) publishes what
   * is left in the outbox, then closes the broker connection and the database (PGlite flushes its data directory). Past
   * `deadlineMs` (default 25 s) it stops waiting and closes.
   */
  stop(options?: { readonly deadlineMs?: number }): Promise<void>;
}
