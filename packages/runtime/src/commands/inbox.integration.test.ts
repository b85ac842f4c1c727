import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenTestDatabase, openTestDatabase } from '../testing/open-test-database.js';
import { Inbox } from './inbox.js';

describe('Inbox', () => {
  let t: OpenTestDatabase;
  const inbox = new Inbox();
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  it('claims a message once per consumer', async () => {
    const id = '01900000-0000-7000-8000-000000000001';
    await expect(inbox.claim(t.db, 'users.profile', id)).resolves.toBe(true);
    await expect(inbox.claim(t.db, 'users.profile', id)).resolves.toBe(false);
    await expect(inbox.claim(t.db, 'auth.audit', id)).resolves.toBe(true);
  });

  it('forgets a claim whose transaction rolled back', async () => {
    const id = '01900000-0000-7000-8000-000000000002';
    await expect(
      t.db.transaction().execute(async (trx) => {
        await inbox.claim(trx, 'users.profile', id);
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    await expect(inbox.claim(t.db, 'users.profile', id)).resolves.toBe(true);
  });

  it('lets exactly one of two concurrent claims win', async () => {
    const id = '01900000-0000-7000-8000-000000000003';
    const claims = await Promise.all([
      t.db.transaction().execute((trx) => inbox.claim(trx, 'users.race', id)),
      t.db.transaction().execute((trx) => inbox.claim(trx, 'users.race', id)),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('purges records older than the given number of days', async () => {
    await inbox.claim(t.db, 'purge.old', 'old-message');
    await inbox.claim(t.db, 'purge.new', 'new-message');
    await t.db
      .updateTable('platform.inbox')
      .set({ handled_at: sql<Date>`now() - interval '10 days'` })
      .where('consumer', '=', 'purge.old')
      .execute();
    await expect(inbox.purgeOlderThan(t.db, 7)).resolves.toBe(1);
    const left = await t.db
      .selectFrom('platform.inbox')
      .select('consumer')
      .where('consumer', 'like', 'purge.%')
      .execute();
    expect(left).toEqual([{ consumer: 'purge.new' }]);
  });
});
