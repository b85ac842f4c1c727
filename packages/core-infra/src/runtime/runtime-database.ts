import type { Kysely } from 'kysely';
import { createPooledDatabase } from '../db/create-database.js';
import type { NotificationListener } from '../db/notification-listener.js';
import { PgNotificationListener } from '../db/pg-notification-listener.js';
import type { PlatformTables } from '../db/platform-tables.js';
import { createEmbeddedDatabase } from '../embedded/create-embedded-database.js';
import type { Logger } from '../logger.js';
import type { PoolStats } from '../observability/pool-metrics.js';

/** The database a runtime runs on, whichever it is. */
export interface RuntimeDatabase {
  readonly db: Kysely<PlatformTables>;
  readonly notifications: NotificationListener;
  /** PGlite's data directory; `undefined` in memory and on PostgreSQL. */
  readonly dataDir: string | undefined;
  readonly embedded: boolean;
  /** The connection pool (PostgreSQL only: PGlite is one session). */
  readonly pool?: PoolStats | undefined;
  close(): Promise<void>;
}

/** Opens PostgreSQL at `databaseUrl` (a pool and a listening connection), or PGlite when there is none. */
export async function openRuntimeDatabase(options: {
  readonly databaseUrl?: string | undefined;
  readonly dataDir?: string | undefined;
  readonly poolSize?: number | undefined;
  readonly logger: Logger;
}): Promise<RuntimeDatabase> {
  const { databaseUrl, logger } = options;
  if (databaseUrl === undefined) {
    const embedded = await createEmbeddedDatabase({ dataDir: options.dataDir, logger });
    return { ...embedded, embedded: true };
  }
  const { db, pool } = createPooledDatabase({
    url: databaseUrl,
    poolSize: options.poolSize ?? 10,
    applicationName: 'contextflow',
    // The apps run a small, fixed set of statements: each is parsed and planned once per connection.
    namedStatements: true,
    logger,
  });
  const notifications = new PgNotificationListener({
    url: databaseUrl,
    applicationName: 'contextflow-listener',
    logger,
  });
  return {
    db,
    notifications,
    pool,
    dataDir: undefined,
    embedded: false,
    close: async () => {
      await notifications.close();
      await db.destroy();
    },
  };
}
