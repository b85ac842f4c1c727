import type { Migration } from 'kysely/migration';
import { createAuth } from './0001-create-auth.js';
import { notifyAccessChanges } from './0002-notify-access-changes.js';

/** Every migration of the auth schema, in the order they apply; names never change once released. */
export const authMigrations: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-create-auth': createAuth,
  '0002-notify-access-changes': notifyAccessChanges,
});
