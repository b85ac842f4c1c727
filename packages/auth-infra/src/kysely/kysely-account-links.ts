// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import type { AccountLink, AccountLinks, LinkPurpose } from '@contextflow/auth-app';
import { UUID_PATTERN } from '@contextflow/core';
import { Db } from '@contextflow/core-infra/db';
import type { Kysely, Selectable } from 'kysely';
import { inject, injectable } from 'tsyringe';
import type { AccountLinksTable, AuthTables } from './auth-tables.js';

function toLink(row: Selectable<AccountLinksTable>): AccountLink {
  return {
    id: row.id,
    accountId: row.account_id,
    purpose: row.purpose,
    tokenHash: row.token_hash,
    expiresAt: row.expires_at,
    sentAt: row.sent_at,
    usedAt: row.used_at,
    supersededAt: row.superseded_at,
  };
}

/** {@link AccountLinks} over `auth.account_links`, through the `Db` of its scope (the unit of work's transaction). */
@injectable()
export class KyselyAccountLinks implements AccountLinks {
  constructor(@inject(Db) private readonly db: Kysely<AuthTables>) {}

  async open(link: Parameters<AccountLinks['open']>[0]): Promise<void> {
    await this.supersedeAll(link.accountId, link.purpose, link.createdAt);
    await this.db
      .insertInto('auth.account_links')
      .values({
        id: link.id,
        account_id: link.accountId,
        purpose: link.purpose,
        created_at: link.createdAt,
        expires_at: link.expiresAt,
      })
      .execute();
  }

  async countOpenedSince(accountId: string, purpose: LinkPurpose, since: Date): Promise<number> {
    const row = await this.db
      .selectFrom('auth.account_links')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('account_id', '=', accountId)
      .where('purpose', '=', purpose)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async find(id: string): Promise<AccountLink | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const row = await this.db
      .selectFrom('auth.account_links')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? null : toLink(row);
  }

  async markSent(id: string, tokenHash: string, at: Date): Promise<void> {
    await this.db
      .updateTable('auth.account_links')
      .set({ token_hash: tokenHash, sent_at: at })
      .where('id', '=', id)
      .execute();
  }

  async markUsed(id: string, at: Date): Promise<void> {
    await this.db.updateTable('auth.account_links').set({ used_at: at }).where('id', '=', id).execute();
  }

  async supersedeAll(accountId: string, purpose: LinkPurpose, at: Date): Promise<void> {
    await this.db
      .updateTable('auth.account_links')
      .set({ superseded_at: at })
      .where('account_id', '=', accountId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('superseded_at', 'is', null)
      .execute();
  }
}
