import type { NotificationListener, PlatformTables } from '@contextflow/core-infra/db';
import type { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import { type OpenedPglite, openPglite, type OpenPgliteOptions } from './open-pglite.js';
import { createPgliteKysely } from './pglite-kysely.js';
import { PgliteNotificationListener } from './pglite-notification-listener.js';

/** Options of {@link createEmbeddedDatabase}. */
export type EmbeddedDatabaseOptions = OpenPgliteOptions;

/** PostgreSQL inside the process: the Kysely handle, its notification listener, and the PGlite under them. */
export interface EmbeddedDatabase {
  readonly db: Kysely<PlatformTables>;
  readonly notifications: NotificationListener;
  readonly pglite: PGlite;
  /** Absolute data directory; `undefined` in memory. */
  readonly dataDir: string | undefined;
  /** How the database came to be (`initdb`, `template` or `reopened`). */
  readonly origin: OpenedPglite['origin'];
  /** Stops notifications, then closes the database (flushing a data directory) and releases its lock. */
  close(): Promise<void>;
}

/**
 * Opens an embedded PostgreSQL (PGlite) and a Kysely instance on it. PGlite is one session: queries and
 * transactions take turns (FIFO) instead of interleaving statements, transactions run in PGlite's exclusive
 * mode, and a query on the root handle made inside a transaction's callback is refused (it would wait for the
 * transaction it runs in; there is no second connection for it). `FOR UPDATE SKIP LOCKED` works but never
 * skips anything; savepoints are not available. int8 comes back as a string, as with `pg`. Migrations are not
 * applied here (see `migrateAll`).
 */
export async function createEmbeddedDatabase(
  options: EmbeddedDatabaseOptions = {},
): Promise<EmbeddedDatabase> {
  const opened = await openPglite(options);
  const { pglite } = opened;
  const db = createPgliteKysely<PlatformTables>(pglite);
  const notifications = new PgliteNotificationListener(pglite, options.logger);
  let closing: Promise<void> | undefined;
  return {
    db,
    notifications,
    pglite,
    dataDir: opened.dataDir,
    origin: opened.origin,
    close: () => {
      closing ??= (async () => {
        await notifications.close();
        await db.destroy();
        await opened.close();
      })();
      return closing;
    },
  };
}
