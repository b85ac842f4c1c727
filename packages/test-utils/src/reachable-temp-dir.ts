import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';

/** A user a server runs as; both absent → the test process's own user. */
export interface ServerUser {
  readonly uid?: number;
  readonly gid?: number;
}

// Where to look after the test process's own temporary directory: the system's, shared by every user.
const SHARED_TEMP_DIRS = ['/tmp', '/var/tmp'];

/** Whether `user` may enter `dir` and every directory above it (the search bit for owner, group or others). */
async function canTraverse(dir: string, user: Required<ServerUser>): Promise<boolean> {
  for (let at = resolve(dir); ; at = dirname(at)) {
    const info = await stat(at).catch(() => null);
    if (info === null || !info.isDirectory()) return false;
    const bit = info.uid === user.uid ? 0o100 : info.gid === user.gid ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) return false;
    if (at === dirname(at)) return true;
  }
}

/**
 * A directory to create a server's files under that the server's user can reach: `os.tmpdir()` when it can,
 * else the first of `/tmp`, `/var/tmp` it can. A per-user `TMPDIR` (mode 0700, as a fresh login often has) is
 * closed to a server that runs as another user (PostgreSQL as `postgres` when the tests run as root).
 */
export async function reachableTempDir(user: ServerUser): Promise<string> {
  const own = tmpdir();
  if (user.uid === undefined || user.gid === undefined) return own;
  const server = { uid: user.uid, gid: user.gid };
  for (const candidate of [own, ...SHARED_TEMP_DIRS]) {
    if (await canTraverse(candidate, server)) return candidate;
  }
  throw new Error(
    `no temporary directory the server's user (uid ${user.uid}) can reach: ${[own, ...SHARED_TEMP_DIRS].join(', ')}`,
  );
}
