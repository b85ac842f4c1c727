import type { Clock } from '@contextflow/core';
import type { ContextModule, Logger, Metrics, ReadinessCheck } from '@contextflow/core-infra';
import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import type { DependencyContainer } from 'tsyringe';
import type { RetentionWindows } from '../commands/retention.js';
import type { DatabaseFactory } from '../database/runtime-database.js';
import type { RetryPolicy } from '../messaging/retry-policy.js';
import type { Topology } from '../messaging/topology.js';
import type { TransportFactory } from '../messaging/transport-factory.js';
import type { OtlpTracingOptions } from '../telemetry/otlp-tracing.js';

/** Options of `createRuntime`. */
export interface RuntimeOptions {
  /** The database: `postgresDatabase({ url })`, or the embedded adapter's `embeddedDatabase()` (dev and tests). */
  readonly database: DatabaseFactory;
  /**
   * The transport `startWorker` and `startRelay` use: `rabbitMqTransport({ url })`, or the embedded adapter's
   * `inProcessTransport()`. An app that only accepts commands and reads never starts either, and needs none.
   */
  readonly transport?: TransportFactory | undefined;
  /** Apply every migration before `createRuntime` resolves (default: the database's `migrateByDefault`). */
  readonly migrate?: boolean | undefined;
  readonly modules: readonly ContextModule[];
  readonly logger: Logger;
  /** Prefix of every broker name (tests use a random one). */
  readonly namespace?: string | undefined;
  /** Retry delays and attempts of failed messages (tests shorten them). */
  readonly retry?: RetryPolicy | undefined;
  /** Outbox relay tuning: rows per batch (100) and the poll interval when no NOTIFY comes (5 s). */
  readonly relay?: { readonly batchSize?: number; readonly idleMs?: number } | undefined;
  /** The time source of every handler and of the scheduler (default: the system clock); tests pass their own. */
  readonly clock?: Clock | undefined;
  /** Scheduler tuning: due messages handed to the outbox per transaction (500). */
  readonly scheduler?: { readonly batchSize?: number } | undefined;
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

/** What a runtime runs on, for start-up messages and health reports: the factories' kinds. */
export interface RuntimeMode {
  /** The database factory's kind: `postgresql`, `pglite`. */
  readonly database: string;
  /** The database's data directory when it has one in this process (PGlite's, absolute); `undefined` otherwise. */
  readonly dataDir: string | undefined;
  /** The transport factory's kind (`rabbitmq`, `in-process`); `none` without one. */
  readonly messaging: string;
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
   * Declares the topology and starts publishing the outbox and handing due scheduled messages to it. With
   * in-process messaging, call `startWorker` first: only this process can consume what it publishes.
   */
  startRelay(): Promise<void>;
  /**
   * Hands the scheduled messages due now (on the runtime's clock) to the outbox at once, without waiting for
   * the scheduler's next pass; returns how many. Works whether or not the relay was started.
   */
  fireDue(): Promise<number>;
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
