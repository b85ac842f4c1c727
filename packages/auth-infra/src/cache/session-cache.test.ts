import type { ListenOptions, NotificationHandler, NotificationListener } from '@contextflow/core-infra/db';
import { describe, expect, it } from 'vitest';
import { ACCESS_CHANNEL, SessionCache, type SessionLookup } from './session-cache.js';

const ACCOUNT = '01900000-0000-7000-8000-0000000000a1';
const OTHER = '01900000-0000-7000-8000-0000000000a2';
const at = new Date('2026-12-02T12:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms);

/** A NotificationListener the test drives: it resolves `listen` when told, and delivers what it is given. */
class FakeListener implements NotificationListener {
  handler: NotificationHandler | undefined;
  options: ListenOptions = {};
  channel: string | undefined;
  #resolve: (() => void) | undefined;
  listen(channel: string, handler: NotificationHandler, options: ListenOptions = {}) {
    this.channel = channel;
    this.handler = handler;
    this.options = options;
    return new Promise<() => void>((resolve) => {
      this.#resolve = () => resolve(() => undefined);
    });
  }
  listening(): Promise<void> {
    this.#resolve?.();
    return new Promise((resolve) => setImmediate(resolve));
  }
  async close() {}
}

/** A source that counts its lookups and can hold one until released. */
function source(live: Record<string, { accountId: string; expiresAt?: Date }>) {
  let held: Promise<void> | undefined;
  const counter = {
    lookups: 0,
    hold() {
      let release!: () => void;
      held = new Promise((resolve) => {
        release = resolve;
      });
      return () => {
        held = undefined;
        release();
      };
    },
    async lookup(sessionId: string): Promise<SessionLookup | null> {
      counter.lookups += 1;
      await held;
      const found = live[sessionId];
      if (found === undefined) return null;
      return {
        live: { accountId: found.accountId, roles: ['user'] },
        expiresAt: found.expiresAt ?? later(3_600_000),
      };
    },
  };
  return counter;
}

async function listeningCache(sessions: Parameters<typeof source>[0], ttlMs = 5_000) {
  const db = source(sessions);
  const listener = new FakeListener();
  const cache = new SessionCache(db, listener, { ttlMs });
  await cache.find('s1', at); // starts listening; not kept yet
  await listener.listening();
  db.lookups = 0;
  return { db, listener, cache };
}

describe('SessionCache', () => {
  it('reads the database until it listens, then answers from memory until the TTL', async () => {
    const db = source({ s1: { accountId: ACCOUNT } });
    const listener = new FakeListener();
    const cache = new SessionCache(db, listener, { ttlMs: 5_000 });
    await cache.find('s1', at);
    await cache.find('s1', at);
    expect(db.lookups).toBe(2);
    expect(listener.channel).toBe(ACCESS_CHANNEL);
    await listener.listening();
    expect(await cache.find('s1', at)).toEqual({ accountId: ACCOUNT, roles: ['user'] });
    expect(await cache.find('s1', later(4_999))).toEqual({ accountId: ACCOUNT, roles: ['user'] });
    expect(db.lookups).toBe(3);
    await cache.find('s1', later(5_000));
    expect(db.lookups).toBe(4);
  });

  it('never answers a session from memory once it expired, and never keeps an unknown one', async () => {
    const { db, cache } = await listeningCache({ s1: { accountId: ACCOUNT, expiresAt: later(1_000) } });
    await cache.find('s1', at);
    await cache.find('s1', later(999));
    expect(db.lookups).toBe(1);
    await cache.find('s1', later(1_000));
    expect(db.lookups).toBe(2);
    expect(await cache.find('gone', at)).toBeNull();
    expect(await cache.find('gone', at)).toBeNull();
    expect(db.lookups).toBe(4);
  });

  it("forgets an account's sessions when a notification names the account, and no other's", async () => {
    const { db, listener, cache } = await listeningCache({
      s1: { accountId: ACCOUNT },
      s2: { accountId: ACCOUNT },
      s3: { accountId: OTHER },
    });
    for (const id of ['s1', 's2', 's3']) await cache.find(id, at);
    expect(cache.size).toBe(3);
    listener.handler?.(ACCOUNT);
    expect(cache.size).toBe(1);
    for (const id of ['s1', 's2', 's3']) await cache.find(id, at);
    expect(db.lookups).toBe(5);
  });

  it('keeps an account out of memory from its change in this process until the notification says it committed', async () => {
    const { db, listener, cache } = await listeningCache({
      s1: { accountId: ACCOUNT },
      s3: { accountId: OTHER },
    });
    await cache.find('s1', at);
    cache.accountChanging(ACCOUNT);
    await cache.find('s1', at);
    await cache.find('s1', at);
    expect(db.lookups).toBe(3);
    await cache.find('s3', at);
    await cache.find('s3', at);
    expect(db.lookups).toBe(4);
    listener.handler?.(ACCOUNT);
    await cache.find('s1', at);
    await cache.find('s1', at);
    expect(db.lookups).toBe(5);
  });

  it('does not keep what a lookup read while a change was heard', async () => {
    const { db, listener, cache } = await listeningCache({ s1: { accountId: ACCOUNT } });
    const release = db.hold();
    const reading = cache.find('s1', at);
    listener.handler?.(OTHER);
    release();
    expect(await reading).toEqual({ accountId: ACCOUNT, roles: ['user'] });
    expect(cache.size).toBe(0);
  });

  it('forgets everything and keeps nothing while the listening connection is down', async () => {
    const { db, listener, cache } = await listeningCache({ s1: { accountId: ACCOUNT } });
    await cache.find('s1', at);
    expect(cache.size).toBe(1);
    listener.options.onDisconnect?.();
    expect(cache.size).toBe(0);
    await cache.find('s1', at);
    await cache.find('s1', at);
    expect(db.lookups).toBe(3);
    listener.options.onReconnect?.();
    await cache.find('s1', at);
    await cache.find('s1', at);
    expect(db.lookups).toBe(4);
  });

  it('keeps at most maxEntries sessions, dropping the oldest', async () => {
    const db = source({ s1: { accountId: ACCOUNT }, s2: { accountId: ACCOUNT }, s3: { accountId: OTHER } });
    const listener = new FakeListener();
    const cache = new SessionCache(db, listener, { maxEntries: 2 });
    await cache.find('s1', at);
    await listener.listening();
    for (const id of ['s1', 's2', 's3']) await cache.find(id, at);
    expect(cache.size).toBe(2);
    db.lookups = 0;
    await cache.find('s3', at);
    await cache.find('s2', at);
    expect(db.lookups).toBe(0);
    await cache.find('s1', at);
    expect(db.lookups).toBe(1);
  });

  it('drops an account from its index when its last cached session is evicted', async () => {
    const db = source({ s1: { accountId: ACCOUNT }, s3: { accountId: OTHER } });
    const listener = new FakeListener();
    const cache = new SessionCache(db, listener, { maxEntries: 1 });
    await cache.find('s1', at);
    await listener.listening();
    await cache.find('s1', at);
    expect(cache.accounts).toBe(1);
    await cache.find('s3', at);
    expect(cache.size).toBe(1);
    expect(cache.accounts).toBe(1);
  });
});
