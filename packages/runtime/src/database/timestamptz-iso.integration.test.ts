import { isoString } from '@contextflow/core';
import { timestamptzIso } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database.js';
import { createDatabase } from './create-database.js';

// timestamptzIso reads the text PostgreSQL writes; the pool's parser reads the same value into a Date. Both
// must name the same instant, in whatever time zone the session is.
describe('timestamptzIso on what PostgreSQL writes', () => {
  let database: TestDatabase;
  let db: Kysely<unknown>;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDatabase({ url: database.url, poolSize: 1 }) as unknown as Kysely<unknown>;
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('answers the ISO text of the Date pg reads, at random instants and fractions, in zones of every kind', async () => {
    // UTC; whole, half and three-quarter hours either side; a zone with daylight saving; and one whose offset
    // in 1890 had seconds (Amsterdam's local mean time, +00:19:32).
    for (const zone of [
      'UTC',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'America/St_Johns',
      'Europe/Berlin',
      'Europe/Amsterdam',
    ]) {
      await sql`select set_config('TimeZone', ${zone}, false)`.execute(db);
      const { rows } = await sql<{ text: string; value: Date }>`
        select t::text as text, t as value
        from (select timestamptz '1890-01-01 00:00:00+00'
                + random() * (timestamptz '2100-01-01 00:00:00+00' - timestamptz '1890-01-01 00:00:00+00') as t
              from generate_series(1, 5000)) as instants
        union all
        select t::text, t from unnest(array['0001-01-01 00:00:00+00', '9999-12-31 23:59:59.999999+00',
          '2026-12-07 14:59:35+00', '2026-12-07 14:59:35.1+00', '2026-10-25 01:00:00+00']::timestamptz[]) as t`.execute(
        db,
      );
      const wrong = rows.filter((row) => timestamptzIso(row.text) !== isoString(row.value));
      expect({ zone, wrong: wrong.slice(0, 5) }).toEqual({ zone, wrong: [] });
      expect(rows.length).toBe(5005);
    }
  });
});
