import type { ReadinessCheck } from '@contextflow/core-infra';
import { type Kysely, sql } from 'kysely';

/** A readiness check named `database` that passes when PostgreSQL answers `select 1`. */
export function databaseReadiness<DB>(db: Kysely<DB>): ReadinessCheck {
  return {
    name: 'database',
    check: async () => {
      await sql`select 1`.execute(db);
    },
  };
}
