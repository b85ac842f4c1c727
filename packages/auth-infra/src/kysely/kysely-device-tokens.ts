// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import type { DeviceTokens, KnownDevice } from '@contextflow/auth-app';
import { Clock, UUID_PATTERN } from '@contextflow/core';
import { Db } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import { inject, injectable } from 'tsyringe';
import { newOpaqueToken, opaqueTokenHash } from '../crypto/opaque-token.js';
import type { AuthTables } from './auth-tables.js';

/** Device tokens an account keeps at most; beyond it, the least recently used are dropped. */
export const DEVICE_TOKENS_PER_ACCOUNT = 20;

// Far longer than any token this store issues: a longer one is not looked up at all.
const MAX_TOKEN_LENGTH = 512;

/**
 * {@link DeviceTokens} over `auth.device_tokens`: opaque tokens of 256 random bits, stored as their SHA-256 (the
 * hash is also the device's id), through the `Db` of its scope (the sign-in's transaction).
 */
@injectable()
export class KyselyDeviceTokens implements DeviceTokens {
  constructor(
    @inject(Db) private readonly db: Kysely<AuthTables>,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async find(token: string): Promise<KnownDevice | null> {
    if (token.length > MAX_TOKEN_LENGTH) return null;
    const row = await this.db
      .selectFrom('auth.device_tokens')
      .select(['hash', 'account_id'])
      .where('hash', '=', opaqueTokenHash(token))
      .executeTakeFirst();
    return row === undefined ? null : { id: row.hash, accountId: row.account_id };
  }

  async issue(accountId: string): Promise<string> {
    const { token, hash } = newOpaqueToken();
    const now = this.clock.now();
    await this.db
      .insertInto('auth.device_tokens')
      .values({ hash, account_id: accountId, created_at: now, last_used_at: now })
      .execute();
    await this.db
      .deleteFrom('auth.device_tokens')
      .where('account_id', '=', accountId)
      .where('hash', 'not in', (qb) =>
        qb
          .selectFrom('auth.device_tokens')
          .select('hash')
          .where('account_id', '=', accountId)
          .orderBy('last_used_at', 'desc')
          .orderBy('created_at', 'desc')
          .limit(DEVICE_TOKENS_PER_ACCOUNT),
      )
      .execute();
    return token;
  }

  async used(device: KnownDevice): Promise<void> {
    await this.db
      .updateTable('auth.device_tokens')
      .set({ last_used_at: this.clock.now() })
      .where('hash', '=', device.id)
      .execute();
  }

  async revokeAll(accountId: string): Promise<number> {
    if (!UUID_PATTERN.test(accountId)) return 0;
    const result = await this.db
      .deleteFrom('auth.device_tokens')
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
