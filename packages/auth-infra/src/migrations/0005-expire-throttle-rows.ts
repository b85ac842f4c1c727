import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Each counted attempt says when it stops counting (`expires_at`), so throttles with different windows (sign-in
 * failures, registrations per hour) share `auth.login_failures` and a sweep never deletes a row another window
 * still needs. Rows already there keep counting for at most a day, the longest window a throttle may have.
 */
export const expireThrottleRows: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`alter table auth.login_failures add column expires_at timestamptz(3)`.execute(db);
    await sql`update auth.login_failures set expires_at = failed_at + interval '1 day'`.execute(db);
    await sql`alter table auth.login_failures alter column expires_at set not null`.execute(db);
    await sql`drop index auth.login_failures_by_time`.execute(db);
    await sql`create index login_failures_by_expiry on auth.login_failures (expires_at)`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop index auth.login_failures_by_expiry`.execute(db);
    await sql`create index login_failures_by_time on auth.login_failures (failed_at)`.execute(db);
    await sql`alter table auth.login_failures drop column expires_at`.execute(db);
  },
};
