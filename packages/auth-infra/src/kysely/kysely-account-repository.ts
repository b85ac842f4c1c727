// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { Account, type AccountRepository, AuthErrors, type Email } from '@contextflow/auth-domain';
import { ROLES, UUID_PATTERN } from '@contextflow/core';
import { Db, isUniqueViolation, OutboxWriter } from '@contextflow/core-infra/db';
import { type Kysely, type Selectable, sql } from 'kysely';
import { inject, injectable } from 'tsyringe';
import { AccessChanges } from '../cache/session-cache.js';
import type { AccountsTable, AuthTables } from './auth-tables.js';

function toAccount(row: Selectable<AccountsTable>): Account {
  return Account.restore({
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    roles: ROLES.filter((role) => row.roles.includes(role)),
    status: row.status,
    emailVerified: row.email_verified,
    version: row.version,
  });
}

/**
 * {@link AccountRepository} over `auth.accounts`. A save checks the version it loaded (optimistic concurrency)
 * and appends the recorded events to the outbox, both through the `Db` of its scope (one transaction inside a
 * handler). It always writes, even without events: a rehash changes the hash but records none.
 */
@injectable()
export class KyselyAccountRepository implements AccountRepository {
  constructor(
    @inject(Db) private readonly db: Kysely<AuthTables>,
    @inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @inject(AccessChanges, { isOptional: true }) private readonly changes?: AccessChanges,
  ) {}

  async findById(id: string): Promise<Account | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const row = await this.db.selectFrom('auth.accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toAccount(row);
  }

  async findByEmail(email: Email): Promise<Account | null> {
    const row = await this.db
      .selectFrom('auth.accounts')
      .selectAll()
      .where('email', '=', email.value)
      .executeTakeFirst();
    return row === undefined ? null : toAccount(row);
  }

  async save(account: Account): Promise<void> {
    const s = account.toSnapshot();
    const state = {
      email: s.email,
      password_hash: s.passwordHash,
      roles: [...s.roles],
      status: s.status,
      email_verified: s.emailVerified,
      version: s.version,
      updated_at: sql<Date>`now()`,
    };
    if (account.persistedVersion !== 0) this.changes?.accountChanging(s.id);
    try {
      const written =
        account.persistedVersion === 0
          ? await this.db
              .insertInto('auth.accounts')
              .values({ id: s.id, ...state })
              .onConflict((oc) => oc.column('id').doNothing())
              .executeTakeFirst()
          : await this.db
              .updateTable('auth.accounts')
              .set(state)
              .where('id', '=', s.id)
              .where('version', '=', account.persistedVersion)
              .executeTakeFirst();
      const rows =
        'numInsertedOrUpdatedRows' in written ? written.numInsertedOrUpdatedRows : written.numUpdatedRows;
      if (rows !== 1n) throw AuthErrors.concurrentUpdate();
    } catch (error) {
      if (isUniqueViolation(error, 'accounts_email_key')) throw AuthErrors.emailTaken();
      throw error;
    }
    await this.outbox.append(account.pullEvents());
  }
}
