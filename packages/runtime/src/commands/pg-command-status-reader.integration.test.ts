import { SystemClock } from '@contextflow/core';
import type { PlatformTables } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../database/create-database.js';
import { PgNotificationListener } from '../database/pg-notification-listener.js';
import { buildCommand } from '../testing/build-command.js';
import { type OpenTestDatabase, openTestDatabase } from '../testing/open-test-database.js';
import { CommandLedger } from './command-ledger.js';
import { CommandNotifications } from './command-notifications.js';
import { PgCommandStatusReader } from './pg-command-status-reader.js';
import { PgCommandStore } from './pg-command-store.js';

describe('PgCommandStatusReader', () => {
  let t: OpenTestDatabase;
  let worker: Kysely<PlatformTables>;
  let listener: PgNotificationListener;
  let reader: PgCommandStatusReader;
  const store = () => new PgCommandStore(t.db, new SystemClock());
  const ledger = new CommandLedger(new SystemClock());

  beforeAll(async () => {
    t = await openTestDatabase();
    // The "worker" finishes commands over connections of its own, as another process would.
    worker = createDatabase({ url: t.url, poolSize: 2 });
    listener = new PgNotificationListener({ url: t.url });
    reader = new PgCommandStatusReader(t.db, new CommandNotifications(listener));
  });
  afterAll(async () => {
    await listener.close();
    await worker.destroy();
    await t.close();
  });

  const accepted = async (): Promise<string> =>
    (await store().send(buildCommand('widgets.make-widget', { size: 1 }))).commandId;
  const complete = (id: string, result: unknown) =>
    worker.transaction().execute(async (trx) => {
      await ledger.begin(trx, id);
      await ledger.succeed(trx, id, result);
    });

  it('finds a command by id', async () => {
    const id = await accepted();
    await expect(reader.find(id)).resolves.toMatchObject({
      id,
      type: 'widgets.make-widget',
      status: 'pending',
      result: null,
      error: null,
      issuedBy: null,
    });
  });

  it('finds nothing for an unknown id or a string that is no UUID', async () => {
    await expect(reader.find('01900000-0000-7000-8000-00000000abcd')).resolves.toBeNull();
    await expect(reader.find('not-a-uuid')).resolves.toBeNull();
  });

  it('wakes when another connection completes the command', async () => {
    const id = await accepted();
    const started = performance.now();
    const waiting = reader.waitUntilDone(id, 30_000);
    setTimeout(() => void complete(id, { done: true }), 100);
    await expect(waiting).resolves.toMatchObject({ id, status: 'succeeded', result: { done: true } });
    // Far below the timeout: it was the notification, not the deadline, that ended the wait.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('wakes every waiter of many commands completed concurrently', async () => {
    const ids = await Promise.all(Array.from({ length: 10 }, () => accepted()));
    const waits = ids.map((id) => reader.waitUntilDone(id, 30_000));
    await Promise.all(ids.map((id, n) => complete(id, n)));
    const records = await Promise.all(waits);
    expect(records.map((record) => record?.result)).toEqual(ids.map((_, n) => n));
  });

  it('re-checks waiters when the listening connection comes back, so a completion meanwhile is not missed', async () => {
    const applicationName = 'cf-status-reader-reconnect-test';
    const own = new PgNotificationListener({ url: t.url, applicationName, reconnectDelayMs: 300 });
    try {
      const ownReader = new PgCommandStatusReader(t.db, new CommandNotifications(own));
      const id = await accepted();
      const started = performance.now();
      const waiting = ownReader.waitUntilDone(id, 30_000);
      await expect(ownReader.waitUntilDone(id, 1)).resolves.toMatchObject({ status: 'pending' });
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${applicationName}`.execute(
        worker,
      );
      await complete(id, 'while down');
      await expect(waiting).resolves.toMatchObject({ status: 'succeeded', result: 'while down' });
      expect(performance.now() - started).toBeLessThan(10_000);
    } finally {
      await own.close();
    }
  });

  it('returns the latest, non-terminal record when the time runs out', async () => {
    const id = await accepted();
    await expect(reader.waitUntilDone(id, 200)).resolves.toMatchObject({ id, status: 'pending' });
  });

  it('returns at once for a command already terminal', async () => {
    const id = await accepted();
    await complete(id, 'earlier');
    await expect(reader.waitUntilDone(id, 30_000)).resolves.toMatchObject({
      status: 'succeeded',
      result: 'earlier',
    });
  });

  it('returns null for an unknown command without waiting', async () => {
    await expect(reader.waitUntilDone('01900000-0000-7000-8000-00000000beef', 30_000)).resolves.toBeNull();
  });
});
