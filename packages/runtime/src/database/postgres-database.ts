import { createPooledDatabase } from './create-database.js';
import { PgNotificationListener } from './pg-notification-listener.js';
import type { DatabaseFactory } from './runtime-database.js';

/** Options of {@link postgresDatabase}. */
export interface PostgresDatabaseOptions {
  /** A `postgres://` connection string. */
  readonly url: string;
  /** Most connections the pool opens (default 10). */
  readonly poolSize?: number | undefined;
}

/**
 * PostgreSQL at `url`: a pool of named (prepared) statements, since the apps run a small, fixed set of them,
 * and one listening connection for notifications. Migrations are not applied by default (`worker migrate`).
 */
export function postgresDatabase(options: PostgresDatabaseOptions): DatabaseFactory {
  return {
    kind: 'postgresql',
    open: async ({ logger }) => {
      const { db, pool } = createPooledDatabase({
        url: options.url,
        poolSize: options.poolSize ?? 10,
        applicationName: 'contextflow',
        namedStatements: true,
        logger,
      });
      const notifications = new PgNotificationListener({
        url: options.url,
        applicationName: 'contextflow-listener',
        logger,
      });
      return {
        db,
        notifications,
        pool,
        dataDir: undefined,
        migrateByDefault: false,
        close: async () => {
          await notifications.close();
          await db.destroy();
        },
      };
    },
  };
}
