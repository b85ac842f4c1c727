import { createHash } from 'node:crypto';
import type { LoginThrottle } from '@contextflow/auth-app';
import { AuthErrors } from '@contextflow/auth-domain';
import type { Clock } from '@contextflow/core';
import type { AfterUnitOfWork } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';
import type { ThrottleLimits } from '../config/auth-config.js';
import type { AuthTables } from './auth-tables.js';

const hashOf = (key: string) => createHash('sha256').update(key).digest('base64url');
const SWEEP_EVERY_MS = 60_000;

/** When the rows of every key were last swept: one per process, shared by the throttles of each scope. */
export interface ThrottleSweeps {
  last: number;
}

/**
 * {@link LoginThrottle} shared by every instance through PostgreSQL: a sliding window per key, one row per
 * failure in `auth.login_failures` (another instance, with its own limits, counts registrations there too). A
 * key is blocked while it has `limit` failures in the last `windowSeconds` (keys naming a client address:
 * `addressMaxFailures`; any other key, an account or a device: `accountMaxFailures`), until the oldest of those
 * leaves the window. It reads and resets through its scope's `Db` (a sign-in's transaction), and records a
 * failure through `AfterUnitOfWork`: on the root handle once the sign-in's unit of work has ended, so the
 * failure stays counted whatever happens to that transaction — on PostgreSQL and on a single session alike.
 * Attempts that pass `check` at the same moment all count but are not stopped: the overshoot is bounded by the
 * concurrent sign-ins (a few per instance).
 */
export class PgLoginThrottle implements LoginThrottle {
  constructor(
    private readonly db: Kysely<AuthTables>,
    private readonly after: AfterUnitOfWork,
    private readonly clock: Clock,
    private readonly limits: ThrottleLimits,
    private readonly sweeps: ThrottleSweeps = { last: 0 },
  ) {}

  async check(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const now = this.clock.now();
    const since = new Date(now.getTime() - this.limits.windowSeconds * 1000);
    // Per key, the limit-th most recent failure in the window: while it exists, the key is blocked.
    const { rows } = await sql<{ blocking: Date | null }>`
      select (
        select f.failed_at from auth.login_failures f
        where f.key_hash = k.key_hash and f.failed_at > ${since}
        order by f.failed_at desc offset k.lim - 1 limit 1
      ) as blocking
      from unnest(${keys.map(hashOf)}::text[], ${keys.map((key) => this.#limitOf(key))}::int[]) as k(key_hash, lim)
    `.execute(this.db);
    const until = Math.max(
      ...rows.map((row) => (row.blocking?.getTime() ?? 0) + this.limits.windowSeconds * 1000),
    );
    if (until > now.getTime())
      throw AuthErrors.tooManyAttempts(Math.max(1, Math.ceil((until - now.getTime()) / 1000)));
  }

  async recordFailure(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const now = this.clock.now();
    const since = new Date(now.getTime() - this.limits.windowSeconds * 1000);
    const hashes = keys.map(hashOf);
    // Expired rows of these keys go in the same statement; other keys' are swept now and then.
    const expires = new Date(now.getTime() + this.limits.windowSeconds * 1000);
    const sweep = now.getTime() - this.sweeps.last > SWEEP_EVERY_MS;
    if (sweep) this.sweeps.last = now.getTime();
    await this.after.run(async (handle) => {
      const root = handle as Kysely<AuthTables>;
      await sql`
        with pruned as (
          delete from auth.login_failures where key_hash = any(${hashes}::text[]) and failed_at <= ${since}
        )
        insert into auth.login_failures (key_hash, failed_at, expires_at)
        select unnest(${hashes}::text[]), ${now}, ${expires}
      `.execute(root);
      // By each row's own expiry: throttles with other windows (registrations) share the table.
      if (sweep) await root.deleteFrom('auth.login_failures').where('expires_at', '<=', now).execute();
    });
  }

  async reset(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.deleteFrom('auth.login_failures').where('key_hash', 'in', keys.map(hashOf)).execute();
  }

  #limitOf(key: string): number {
    return key.includes(':address:') ? this.limits.addressMaxFailures : this.limits.accountMaxFailures;
  }
}
