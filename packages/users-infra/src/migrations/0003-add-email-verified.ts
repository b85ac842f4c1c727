import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * `UserView.emailVerified`: projected into the read model from the auth context's `auth.email-verified` event.
 * Saving a user replaces the other view columns and leaves this one as it is.
 */
export const addEmailVerified: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`alter table users.user_views add column email_verified boolean not null default false`.execute(
      db,
    );
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await sql`alter table users.user_views drop column email_verified`.execute(db);
  },
};
