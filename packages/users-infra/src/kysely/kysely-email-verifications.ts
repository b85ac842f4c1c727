// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { UUID_PATTERN } from '@contextflow/core';
import { Db } from '@contextflow/core-infra/db';
import type { EmailVerifications } from '@contextflow/users-app';
import type { Kysely } from 'kysely';
import { inject, injectable } from 'tsyringe';
import type { UsersTables } from './users-tables.js';

/** {@link EmailVerifications} over `users.user_views`, through the `Db` of its scope. */
@injectable()
export class KyselyEmailVerifications implements EmailVerifications {
  constructor(@inject(Db) private readonly db: Kysely<UsersTables>) {}

  async markVerified(userId: string): Promise<boolean> {
    if (!UUID_PATTERN.test(userId)) return false;
    const result = await this.db
      .updateTable('users.user_views')
      .set({ email_verified: true })
      .where('id', '=', userId)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
}
