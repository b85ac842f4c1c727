import type { Migration } from 'kysely/migration';
import { createAuth } from './0001-create-auth.js';
import { notifyAccessChanges } from './0002-notify-access-changes.js';
import { createDeviceTokens } from './0003-create-device-tokens.js';
import { createPendingCredentials } from './0004-create-pending-credentials.js';
import { expireThrottleRows } from './0005-expire-throttle-rows.js';
import { createAccountLinks } from './0006-create-account-links.js';

/** Every migration of the auth schema, in the order they apply; names never change once released. */
export const authMigrations: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-create-auth': createAuth,
  '0002-notify-access-changes': notifyAccessChanges,
  '0003-create-device-tokens': createDeviceTokens,
  '0004-create-pending-credentials': createPendingCredentials,
  '0005-expire-throttle-rows': expireThrottleRows,
  '0006-create-account-links': createAccountLinks,
});
