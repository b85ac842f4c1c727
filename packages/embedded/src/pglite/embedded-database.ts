import type { DatabaseFactory } from '@contextflow/runtime';
import { createEmbeddedDatabase } from './create-embedded-database.js';

/** Options of {@link embeddedDatabase}. */
export interface EmbeddedDatabaseFactoryOptions {
  /** Directory of the database (created when missing, kept across restarts); absent → in memory. */
  readonly dataDir?: string | undefined;
}

/**
 * PostgreSQL inside the process (PGlite) as the database of a runtime, for `pnpm dev` and tests. Only this
 * process uses it, so `createRuntime` migrates it by default. One session: a query on the root handle waits
 * for the transaction that holds the session, and one made from inside that transaction's own work is
 * refused (it would wait for itself).
 */
export function embeddedDatabase(options: EmbeddedDatabaseFactoryOptions = {}): DatabaseFactory {
  return {
    kind: 'pglite',
    open: async ({ logger }) => {
      const embedded = await createEmbeddedDatabase({ dataDir: options.dataDir, logger });
      return {
        db: embedded.db,
        notifications: embedded.notifications,
        dataDir: embedded.dataDir,
        migrateByDefault: true,
        close: () => embedded.close(),
      };
    },
  };
}
