import type { Logger } from '@contextflow/core-infra';
import type { NotificationListener, PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';

/** What a connection pool reports about itself (pg's `Pool` has these fields). */
export interface PoolStats {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/**
 * The database a runtime runs on, as its factory opened it. The contract every database keeps (the runtime's
 * `databaseContract` suite checks it): a query on `db` never joins a transaction it was not handed — it commits
 * on its own, or, where the database has a single session and waiting would never end, it is refused with an
 * error saying so — and a notification is delivered after its transaction commits, never before, never after
 * a rollback.
 */
export interface RuntimeDatabase {
  readonly db: Kysely<PlatformTables>;
  readonly notifications: NotificationListener;
  /** Where the data lives when that is a directory of this process (PGlite's); `undefined` otherwise. */
  readonly dataDir: string | undefined;
  /**
   * Whether `createRuntime` applies the migrations by default: true for a database only this process uses
   * (nobody else would migrate it), false for a shared one, which `worker migrate` migrates.
   */
  readonly migrateByDefault: boolean;
  /** The connection pool, for the pool gauges; absent when there is none (a single session). */
  readonly pool?: PoolStats | undefined;
  /** Stops notifications, then closes the connections (flushing a data directory). */
  close(): Promise<void>;
}

/** Opens the database of a runtime: PostgreSQL (`postgresDatabase`), or another that keeps the same contract. */
export interface DatabaseFactory {
  /** What it opens, for start-up lines and health reports: `postgresql`, `pglite`. */
  readonly kind: string;
  open(context: { readonly logger: Logger }): Promise<RuntimeDatabase>;
}
