import type { Kysely } from 'kysely';
import type { DependencyContainer } from 'tsyringe';
import type { PlatformTables } from '../db/platform-tables.js';
import type { Logger } from '../logger.js';
import type { Topology } from '../messaging/topology.js';
import type { ContextModule } from '../module.js';
import type { RetryPolicy } from '../messaging/retry-policy.js';

/** Options of `createRuntime`. */
export interface RuntimeOptions {
  readonly databaseUrl: string;
  /** Needed by `startWorker` and `startRelay`; an app that only accepts commands and reads can leave it out. */
  readonly amqpUrl?: string | undefined;
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
}

/** Options of {@link Runtime.startWorker}. */
export interface WorkerOptions {
  /** Contexts whose command queues and event subscriptions to consume (default: every module). */
  readonly contexts?: readonly string[] | undefined;
  /** Messages handled at once per queue (default 10). */
  readonly concurrency?: number | undefined;
  /** Messages the broker sends ahead per queue (default twice the concurrency). */
  readonly prefetch?: number | undefined;
}

/** What both apps run on: the container with every module registered, the database and the messaging. */
export interface Runtime {
  /** Child of tsyringe's root container: Db, Logger, Clock, IdGenerator, buses, stores, then every module. */
  readonly container: DependencyContainer;
  readonly db: Kysely<PlatformTables>;
  /** The broker objects of these modules. */
  readonly topology: Topology;
  /** Applies the platform migrations, then every module's. */
  migrate(): Promise<void>;
  /** Declares the topology and consumes the command queues and event subscriptions of the chosen contexts. */
  startWorker(options?: WorkerOptions): Promise<void>;
  /** Declares the topology and starts publishing the outbox. */
  startRelay(): Promise<void>;
  /**
   * Stops consuming and lets in-flight messages finish, stops the relay after its batch, then closes the
   * broker connection and the database pool. Past `deadlineMs` (default 25 s) it stops waiting and closes.
   */
  stop(options?: { readonly deadlineMs?: number }): Promise<void>;
}
