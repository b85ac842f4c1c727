import type { Logger } from '@contextflow/core-infra';
import { platformMigrations } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';

/** The migrations of one schema, tracked in `<schema>.kysely_migration`. */
export interface MigrationSet {
  readonly schema: string;
  readonly migrations: Readonly<Record<string, Migration>>;
}

/** The set of the `platform` schema; {@link migrateAll} puts it first. */
export const PLATFORM_MIGRATIONS: MigrationSet = Object.freeze({
  schema: 'platform',
  migrations: platformMigrations,
});

// Migrations are code shipped inside packages, so the provider is a static record, not a folder.
const staticProvider = (migrations: Readonly<Record<string, Migration>>): MigrationProvider => ({
  getMigrations: () => Promise.resolve({ ...migrations }),
});

const migratorOf = <DB>(db: Kysely<DB>, set: MigrationSet): Migrator =>
  new Migrator({ db, provider: staticProvider(set.migrations), migrationTableSchema: set.schema });

const withPlatformFirst = (sets: readonly MigrationSet[]): MigrationSet[] => [
  PLATFORM_MIGRATIONS,
  ...sets.filter((set) => set.schema !== PLATFORM_MIGRATIONS.schema),
];

/**
 * Applies the `platform` migrations, then each set in order, each schema with its own migration table (the
 * schema is created when missing). Safe to run from several processes at once: Kysely serializes migrators on
 * a PostgreSQL advisory lock. Throws an error naming the migration that failed; the pending migrations of that
 * schema run in one transaction, so none of them stays applied (earlier schemas do).
 */
export async function migrateAll<DB>(
  db: Kysely<DB>,
  sets: readonly MigrationSet[],
  logger?: Logger,
): Promise<void> {
  for (const set of withPlatformFirst(sets)) {
    const { error, results = [] } = await migratorOf(db, set).migrateToLatest();
    for (const result of results) {
      if (result.status === 'Success')
        logger?.info({ schema: set.schema, migration: result.migrationName }, 'migration applied');
    }
    if (error !== undefined) {
      const failed = results.find((result) => result.status === 'Error')?.migrationName;
      const what =
        failed === undefined ? `migrations of schema "${set.schema}"` : `migration "${set.schema}/${failed}"`;
      const reason = error instanceof Error ? error.message : JSON.stringify(error);
      throw new Error(`${what} failed: ${reason}`, { cause: error });
    }
  }
}

/**
 * The migrations not applied yet, as `<schema>/<name>`, `platform` first; empty when the database is up to
 * date. Reads only: creates no schema or table.
 */
export async function pendingMigrations<DB>(
  db: Kysely<DB>,
  sets: readonly MigrationSet[],
): Promise<string[]> {
  // The schemas are read at once (a readiness check on the way to ready, several queries each).
  const perSet = await Promise.all(
    withPlatformFirst(sets).map(async (set) =>
      (await migratorOf(db, set).getMigrations())
        .filter((info) => info.executedAt === undefined)
        .map((info) => `${set.schema}/${info.name}`),
    ),
  );
  return perSet.flat();
}
