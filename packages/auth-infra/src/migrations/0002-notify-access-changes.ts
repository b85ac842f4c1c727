import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Every update or delete of a session or an account announces the account's id on `cf_auth_access`
 * (`pg_notify`, delivered at commit to every listener), whichever code or operator made it: the http app
 * caches live sessions and forgets an account's as soon as this names it. A trigger, so no write path can
 * forget to announce. Inserts announce nothing: a new row replaces nothing anyone cached.
 */
export const notifyAccessChanges: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create function auth.notify_access_change() returns trigger language plpgsql as $$
      begin
        if tg_table_name = 'sessions' then
          perform pg_notify('cf_auth_access', old.account_id::text);
        else
          perform pg_notify('cf_auth_access', old.id::text);
        end if;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger sessions_notify_access_change after update or delete on auth.sessions
      for each row execute function auth.notify_access_change()`.execute(db);
    await sql`
      create trigger accounts_notify_access_change after update or delete on auth.accounts
      for each row execute function auth.notify_access_change()`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop trigger accounts_notify_access_change on auth.accounts`.execute(db);
    await sql`drop trigger sessions_notify_access_change on auth.sessions`.execute(db);
    await sql`drop function auth.notify_access_change()`.execute(db);
  },
};
