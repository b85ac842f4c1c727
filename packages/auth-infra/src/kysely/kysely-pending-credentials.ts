// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import type { PendingCredentials } from '@contextflow/auth-app';
import { Clock, UUID_PATTERN } from '@contextflow/core';
import { Db } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import { inject, injectable } from 'tsyringe';
import type { AuthTables } from './auth-tables.js';

/**
 * How long a password hash waits for its registration to be processed before it is swept: a week, far beyond
 * any queue delay but a worker outage. A registration processed later fails with `auth.registration_expired`.
 */
export const PENDING_CREDENTIAL_TTL_MS = 7 * 24 * 3600 * 1000;
const SWEEP_EVERY_MS = 60_000;

/**
 * {@link PendingCredentials} over `auth.pending_credentials`, through the `Db` of its scope: the registration
 * handler takes its row in the same transaction that creates the account. An instance that stores rows (the
 * http app's, on the root handle) sweeps the ones past {@link PENDING_CREDENTIAL_TTL_MS} at most once a minute:
 * a registration that was never accepted, or that failed.
 */
@injectable()
export class KyselyPendingCredentials implements PendingCredentials {
  #lastSweep = 0;

  constructor(
    @inject(Db) private readonly db: Kysely<AuthTables>,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async put(accountId: string, passwordHash: string): Promise<void> {
    const now = this.clock.now();
    await this.db
      .insertInto('auth.pending_credentials')
      .values({ account_id: accountId, password_hash: passwordHash, created_at: now })
      .onConflict((oc) =>
        oc.column('account_id').doUpdateSet({ password_hash: passwordHash, created_at: now }),
      )
      .execute();
    if (now.getTime() - this.#lastSweep > SWEEP_EVERY_MS) {
      this.#lastSweep = now.getTime();
      await this.sweep();
    }
  }

  async take(accountId: string): Promise<string | null> {
    if (!UUID_PATTERN.test(accountId)) return null;
    const row = await this.db
      .deleteFrom('auth.pending_credentials')
      .where('account_id', '=', accountId)
      .returning('password_hash')
      .executeTakeFirst();
    return row?.password_hash ?? null;
  }

  /** Deletes the hashes that waited longer than {@link PENDING_CREDENTIAL_TTL_MS}; returns how many. */
  async sweep(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - PENDING_CREDENTIAL_TTL_MS);
    const result = await this.db
      .deleteFrom('auth.pending_credentials')
      .where('created_at', '<=', cutoff)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
