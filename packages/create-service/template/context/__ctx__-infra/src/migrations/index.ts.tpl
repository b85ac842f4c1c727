import type { Migration } from 'kysely/migration';
import { create__Ctx__ } from './0001-create-__ctx__.js';

/** Every migration of the __ctx__ schema, in the order they apply; names never change once released. */
export const __ctx__Migrations: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-create-__ctx__': create__Ctx__,
});
