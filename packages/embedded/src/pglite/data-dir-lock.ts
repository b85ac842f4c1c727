import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The lock file {@link lockDataDir} keeps inside a data directory. */
export const LOCK_FILE = 'contextflow.lock';

const alive = (pid: number): boolean => {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Claims a PGlite data directory for this process (PGlite is a single session and takes no lock of its own:
 * two processes on one directory would corrupt it). A lock left by a process that no longer runs is taken
 * over. Resolves to the release function; throws when a live process holds the directory.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (alive(holder)) {
        throw new Error(`the data directory ${dataDir} is in use by process ${holder}`, { cause: error });
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`could not lock the data directory ${dataDir}`);
}
