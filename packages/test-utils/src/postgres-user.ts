import { execFileSync } from 'node:child_process';

const postgresId = (flag: '-u' | '-g'): number =>
  Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());

/** The uid/gid to run PostgreSQL as: the `postgres` account when running as root (PostgreSQL refuses root), else none. */
export function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  return { uid: postgresId('-u'), gid: postgresId('-g') };
}
