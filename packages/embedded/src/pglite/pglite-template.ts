import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/** Where {@link PgliteTemplate} keeps its file unless told otherwise. */
export const DEFAULT_TEMPLATE_DIR = join(tmpdir(), 'contextflow-pglite');

/**
 * A cached copy of a freshly initialised PGlite data directory (gzipped tar), keyed by the PGlite build. initdb
 * is most of a fresh database's start-up (seconds, and hundreds of MB of memory): with the template only the
 * first start on a machine pays for it, later in-memory starts and new data directories load the copy.
 */
export class PgliteTemplate {
  constructor(readonly directory: string = DEFAULT_TEMPLATE_DIR) {}

  /** The template file for the installed PGlite build. */
  async file(): Promise<string> {
    const wasm = createRequire(import.meta.url).resolve('@electric-sql/pglite/pglite.wasm');
    const { size } = await stat(wasm);
    const key = createHash('sha256').update(`${wasm}:${size}`).digest('hex').slice(0, 16);
    return join(this.directory, `fresh-${key}.tar.gz`);
  }

  /** The cached data directory, or `undefined` when there is none yet. */
  async load(): Promise<Blob | undefined> {
    try {
      return new Blob([await readFile(await this.file())]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Saves a database that has just been initialised (nothing written to it yet) as the template. */
  async save(pglite: PGlite): Promise<void> {
    const file = await this.file();
    const dump = await pglite.dumpDataDir('gzip');
    await mkdir(this.directory, { recursive: true });
    // Another process may be saving the same template: write aside, then rename (atomic on one filesystem).
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
  }

  /** Deletes the template (it failed to load). */
  async discard(): Promise<void> {
    await rm(await this.file(), { force: true });
  }
}
