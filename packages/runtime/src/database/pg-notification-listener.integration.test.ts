import { notify, type PlatformTables } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenTestDatabase, openTestDatabase } from '../testing/open-test-database.js';
import { PgNotificationListener } from './pg-notification-listener.js';

/** Resolves with the first value `next` is called with. */
function nextValue<T>(): { next: (value: T) => void; value: Promise<T> } {
  let next!: (value: T) => void;
  const value = new Promise<T>((resolve) => {
    next = resolve;
  });
  return { next, value };
}

const terminate = (db: Kysely<PlatformTables>, applicationName: string) =>
  sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${applicationName}`.execute(
    db,
  );

describe('PgNotificationListener', () => {
  let t: OpenTestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  it('delivers notifications sent after listen resolves', async () => {
    const listener = new PgNotificationListener({ url: t.url });
    try {
      const heard = nextValue<string>();
      await listener.listen('cf_test_a', heard.next);
      await notify(t.db, 'cf_test_a', 'hello');
      await expect(heard.value).resolves.toBe('hello');
    } finally {
      await listener.close();
    }
  });

  it('fans one channel out to every subscriber and stops after unlisten', async () => {
    const listener = new PgNotificationListener({ url: t.url });
    try {
      const heard: string[] = [];
      const first = nextValue<string>();
      const last = nextValue<string>();
      const unlisten = await listener.listen('cf_test_b', (payload) => heard.push(`one:${payload}`));
      await listener.listen('cf_test_b', (payload) => {
        heard.push(`two:${payload}`);
        (payload === '1' ? first : last).next(payload);
      });
      await notify(t.db, 'cf_test_b', '1');
      await first.value;
      unlisten();
      await notify(t.db, 'cf_test_b', '2');
      await last.value;
      expect(heard).toEqual(['one:1', 'two:1', 'two:2']);
    } finally {
      await listener.close();
    }
  });

  it('reconnects after losing its connection, tells subscribers, and listens again', async () => {
    const applicationName = 'cf-listener-reconnect-test';
    const listener = new PgNotificationListener({ url: t.url, applicationName, reconnectDelayMs: 50 });
    try {
      const reconnected = nextValue<true>();
      const heard = nextValue<string>();
      const events: string[] = [];
      await listener.listen('cf_test_c', heard.next, {
        onReconnect: () => {
          events.push('reconnect');
          reconnected.next(true);
        },
        onDisconnect: () => void events.push('disconnect'),
      });
      await terminate(t.db, applicationName);
      await expect(reconnected.value).resolves.toBe(true);
      expect(events).toEqual(['disconnect', 'reconnect']);
      await notify(t.db, 'cf_test_c', 'after');
      await expect(heard.value).resolves.toBe('after');
    } finally {
      await listener.close();
    }
  });

  it('rejects listen when the database is unreachable', async () => {
    const listener = new PgNotificationListener({ url: 'postgres://postgres@127.0.0.1:1/none' });
    await expect(listener.listen('cf_test_d', () => undefined)).rejects.toThrow(/ECONNREFUSED|connect/);
    await listener.close();
  });

  it('rejects listen after close', async () => {
    const listener = new PgNotificationListener({ url: t.url });
    await listener.close();
    await expect(listener.listen('cf_test_e', () => undefined)).rejects.toThrow('closed');
  });
});
