import type { Migration } from 'kysely/migration';
import { createUsers } from './0001-create-users.js';
import { searchUsersByTrigram } from './0002-search-users-by-trigram.js';
import { addEmailVerified } from './0003-add-email-verified.js';

/** Every migration of the users schema, in the order they apply; names never change once released. */
export const usersMigrations: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-create-users': createUsers,
  '0002-search-users-by-trigram': searchUsersByTrigram,
  '0003-add-email-verified': addEmailVerified,
});
