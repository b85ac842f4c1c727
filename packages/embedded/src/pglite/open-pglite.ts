import { readdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Logger } from '@contextflow/core-infra';
import type { PGlite } from '@electric-sql/pglite';
import { LOCK_FILE, lockDataDir } from './data-dir-lock.js';
import { PgliteTemplate } from './pglite-template.js';

/** Options of {@link openPglite}. */
export interface OpenPgliteOptions {
  /** Directory of the database (created when missing); absent → in memory, gone when the process ends. */
  readonly dataDir?: string | undefined;
  /** Where the fresh-database template is cached (default: the OS temp directory); `false` → no template. */
  readonly templateDir?: string | false | undefined;
  readonly logger?: Logger | undefined;
}

/** An open PGlite instance and what it holds. */
export interface OpenedPglite {
  readonly pglite: PGlite;
  /** Absolute data directory; `undefined` in memory. */
  readonly dataDir: string | undefined;
  /** How the database came to be: a new one, a copy of the template, or an existing directory reopened. */
  readonly origin: 'initdb' | 'template' | 'reopened';
  /** Closes PGlite (when still open) and releases the data directory. */
  close(): Promise<void>;
}

// int8 (type oid 20) as a string, as `pg` returns it: the adapters were written for PostgreSQL and must not
// get bigints.
const INT8 = 20;
const PARSERS = { [INT8]: (value: string) => value };
// The data of an embedded database is in memory (or in the OS page cache) already: PostgreSQL's default 128 MB
// of shared buffers mostly doubles it. 16 MB measured ~100 MB less resident memory and no slower on dev loads.
const SETTINGS = ['shared_buffers=16MB'];

const nothingToRelease = async (): Promise<void> => undefined;

/** What is in a directory: nothing (missing or empty), a database, or something else. */
async function contentsOf(dataDir: string): Promise<'none' | 'database' | 'other'> {
  const entries = await readdir(dataDir).catch((error: NodeJS.ErrnoException): string[] => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.includes('PG_VERSION')) return 'database';
  return entries.every((entry) => entry === LOCK_FILE) ? 'none' : 'other';
}

/**
 * Opens PGlite in memory or on a data directory: an existing database is reopened (fast); a new one is loaded
 * from the cached template when there is one, and otherwise initialised (initdb, slow) and saved as the
 * template for next time. A data directory is locked to this process until `close()`. Refuses a directory
 * that holds something other than a database.
 */
export async function openPglite(options: OpenPgliteOptions = {}): Promise<OpenedPglite> {
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  const contents = dataDir === undefined ? 'none' : await contentsOf(dataDir);
  if (contents === 'other')
    throw new Error(`the data directory ${dataDir} is not empty and holds no PGlite database`);
  // An existing directory is locked before PGlite touches it; a new one after (initdb wants it empty).
  let release = nothingToRelease;
  const lock = async (): Promise<void> => {
    if (dataDir !== undefined) release = await lockDataDir(dataDir);
  };
  if (contents === 'database') await lock();
  let opened: Pick<OpenedPglite, 'pglite' | 'origin'>;
  try {
    opened = await open(dataDir, contents === 'database', options);
  } catch (error) {
    await release();
    throw error;
  }
  const { pglite } = opened;
  if (contents !== 'database') {
    await lock().catch(async (error: unknown) => {
      await pglite.close();
      throw error;
    });
  }
  return {
    ...opened,
    dataDir,
    close: async () => {
      if (!pglite.closed) await pglite.close();
      await release();
    },
  };
}

async function open(
  dataDir: string | undefined,
  exists: boolean,
  { templateDir, logger }: OpenPgliteOptions,
): Promise<Pick<OpenedPglite, 'pglite' | 'origin'>> {
  // PGlite (tens of MB of WebAssembly and JavaScript) loads only here: an app on PostgreSQL that imports this
  // package never pays for it, at start-up or in memory.
  const [{ PGlite }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    // pg_trgm backs the users context's substring search (`q`) with an index, as on PostgreSQL.
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  const create = (loadDataDir?: Blob) =>
    PGlite.create({
      ...(dataDir === undefined ? {} : { dataDir }),
      extensions: { pg_trgm },
      parsers: PARSERS,
      postgresqlconf: SETTINGS,
      loadDataDir,
    });
  if (exists) return { pglite: await create(), origin: 'reopened' };
  const template = templateDir === false ? undefined : new PgliteTemplate(templateDir);
  const seed = await template?.load();
  if (seed !== undefined) {
    try {
      return { pglite: await create(seed), origin: 'template' };
    } catch (error) {
      logger?.warn({ err: error }, 'the cached PGlite template did not load; creating a database instead');
      await template?.discard();
      if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
    }
  }
  const pglite = await create();
  await template?.save(pglite).catch((error: unknown) => {
    logger?.warn({ err: error }, 'could not cache the PGlite template; the next start runs initdb again');
  });
  return { pglite, origin: 'initdb' };
}
