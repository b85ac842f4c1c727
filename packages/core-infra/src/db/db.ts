import { token } from '@contextflow/core';
import type { Kysely } from 'kysely';

/**
 * The database handle adapters use. Outside a unit of work it is the pooled Kysely instance; inside one (a
 * command handler, an event handler) the dispatcher registers the open transaction under this token in a
 * child container, so repositories and read models built there write in that transaction without knowing it.
 * Each adapter narrows the table types it uses: `@inject(Db) db: Kysely<UsersTables>`.
 */
export type Db = Kysely<unknown>;

/** Token of {@link Db}. */
export const Db = token<Db>('core-infra.Db');
