import { SessionStatusReader } from '@contextflow/auth-app';
import { Account, AccountRepository, newStamp, Session, SessionRepository } from '@contextflow/auth-domain';
import { Clock, IdGenerator } from '@contextflow/core';
import { runInUnitOfWork } from '@contextflow/runtime';
import { sql } from 'kysely';
import type { DependencyContainer } from 'tsyringe';
import { describe, expect, it } from 'vitest';
import { authRuntime, savedAccount } from '../../test/auth-runtime.js';
import { SessionCache } from '../cache/session-cache.js';

const runtime = authRuntime();
let sequence = 0;

const ids = () => runtime().container.resolve<IdGenerator>(IdGenerator);
const stamp = () => newStamp(ids(), runtime().container.resolve<Clock>(Clock));
const hash = (label: string) => `hash-${label}-${(sequence += 1)}`;

function inTransaction<T>(
  work: (sessions: SessionRepository, scope: DependencyContainer) => Promise<T>,
): Promise<T> {
  return runInUnitOfWork(runtime().container, runtime().db, (scope) =>
    work(scope.resolve<SessionRepository>(SessionRepository), scope),
  );
}

const anAccount = (): Promise<Account> => savedAccount(runtime(), `user${(sequence += 1)}@example.com`);

async function started(accountId: string, ttlSeconds = 3600): Promise<{ session: Session; first: string }> {
  const first = hash('first');
  const session = Session.start({ id: ids().next(), accountId, tokenHash: first, ttlSeconds }, stamp());
  await inTransaction((sessions) => sessions.save(session));
  return { session, first };
}

async function rotate(presented: string): Promise<string> {
  const next = hash('next');
  await inTransaction(async (sessions) => {
    const session = (await sessions.findByTokenHash(presented)) as Session;
    session.rotate(presented, next, stamp());
    await sessions.save(session);
  });
  return next;
}

describe('KyselySessionRepository', () => {
  it('finds a session by its current hash and by every hash it had before', async () => {
    const account = await anAccount();
    const { session, first } = await started(account.id);
    const second = await rotate(first);
    const third = await rotate(second);
    for (const presented of [first, second, third]) {
      const found = await inTransaction((sessions) => sessions.findByTokenHash(presented));
      expect(found?.toSnapshot()).toMatchObject({
        id: session.id,
        accountId: account.id,
        currentTokenHash: third,
        previousTokenHashes: [first, second],
        generation: 3,
        status: 'active',
        version: 3,
      });
    }
    expect(await inTransaction((sessions) => sessions.findByTokenHash('never-issued'))).toBeNull();
  });

  it('revokes the family when an exchanged token is presented again, and keeps that revocation', async () => {
    const { first } = await started((await anAccount()).id);
    await rotate(first);
    await expect(rotate(first)).rejects.toMatchObject({ code: 'auth.refresh_token_reused' });
    await inTransaction(async (sessions) => {
      const session = (await sessions.findByTokenHash(first)) as Session;
      expect(() => session.rotate(first, hash('x'), stamp())).toThrow('already used');
      await sessions.save(session);
    });
    const stored = await inTransaction((sessions) => sessions.findByTokenHash(first));
    expect(stored?.toSnapshot()).toMatchObject({ status: 'revoked', revokedReason: 'reuse_detected' });
  });

  it('lets only the first of two concurrent exchanges of one token win', async () => {
    const { first } = await started((await anAccount()).id);
    let releaseFirst!: () => void;
    const firstLoaded = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const exchange = (afterLoad: () => Promise<unknown>) =>
      inTransaction(async (sessions) => {
        const session = (await sessions.findByTokenHash(first)) as Session;
        await afterLoad();
        session.rotate(first, hash('race'), stamp());
        await sessions.save(session);
      });
    const winner = exchange(() => firstLoaded);
    const loser = exchange(async () => {
      releaseFirst();
      await winner;
    });
    await expect(loser).rejects.toMatchObject({ kind: 'concurrency', code: 'auth.concurrent_update' });
    const stored = await inTransaction((sessions) => sessions.findByTokenHash(first));
    expect(stored?.generation).toBe(2);
  });

  it('revokes every active session of an account at once, so a save loaded before loses', async () => {
    const account = await anAccount();
    const { first } = await started(account.id);
    await started(account.id);
    const other = await started((await anAccount()).id);
    const stale = (await inTransaction((sessions) => sessions.findByTokenHash(first))) as Session;
    const revoke = () =>
      inTransaction((sessions) => sessions.revokeAllForAccount(account.id, 'account_disabled', new Date()));
    expect(await revoke()).toBe(2);
    expect(await revoke()).toBe(0);
    stale.rotate(first, hash('late'), stamp());
    await expect(inTransaction((sessions) => sessions.save(stale))).rejects.toMatchObject({
      code: 'auth.concurrent_update',
    });
    const revoked = await inTransaction((sessions) => sessions.findByTokenHash(first));
    expect(revoked?.toSnapshot()).toMatchObject({ status: 'revoked', revokedReason: 'account_disabled' });
    const untouched = await inTransaction((sessions) => sessions.findByTokenHash(other.first));
    expect(untouched?.status).toBe('active');
  });

  it('puts session events in the outbox, never a token hash', async () => {
    const { session, first } = await started((await anAccount()).id);
    await rotate(first);
    const rows = await runtime()
      .db.selectFrom('platform.outbox')
      .select(['routing_key', 'body'])
      .where('body', '@>', JSON.stringify({ aggregateId: session.id }))
      .orderBy('seq')
      .execute();
    expect(rows.map((row) => row.routing_key)).toEqual([
      'auth.session-started.v1',
      'auth.session-rotated.v1',
    ]);
    expect(JSON.stringify(rows)).not.toContain('hash-');
  });
});

const reader = () => runtime().container.resolve<SessionStatusReader>(SessionStatusReader);

describe('KyselySessionStatusReader', () => {
  it('answers the account and its current roles for a live session', async () => {
    const account = await anAccount();
    const { session } = await started(account.id);
    expect(await reader().find(session.id, new Date())).toEqual({ accountId: account.id, roles: ['user'] });
    await runInUnitOfWork(runtime().container, runtime().db, async (scope) => {
      const accounts = scope.resolve<AccountRepository>(AccountRepository);
      const copy = (await accounts.findById(account.id)) as Account;
      copy.grantRole('admin', stamp());
      await accounts.save(copy);
    });
    expect(await reader().find(session.id, new Date())).toEqual({
      accountId: account.id,
      roles: ['user', 'admin'],
    });
  });

  it('answers null for a revoked or expired session, a disabled account or an unknown id', async () => {
    const revoked = await started((await anAccount()).id);
    await inTransaction(async (sessions) => {
      const session = (await sessions.findByTokenHash(revoked.first)) as Session;
      session.revoke('logout', stamp());
      await sessions.save(session);
    });
    const expiring = await started((await anAccount()).id, 60);
    const disabledAccount = await anAccount();
    const ofDisabled = await started(disabledAccount.id);
    await runInUnitOfWork(runtime().container, runtime().db, async (scope) => {
      const accounts = scope.resolve<AccountRepository>(AccountRepository);
      const copy = (await accounts.findById(disabledAccount.id)) as Account;
      copy.disable(stamp());
      await accounts.save(copy);
    });
    const now = new Date();
    expect(await reader().find(revoked.session.id, now)).toBeNull();
    expect(await reader().find(expiring.session.id, now)).not.toBeNull();
    expect(await reader().find(expiring.session.id, new Date(now.getTime() + 61_000))).toBeNull();
    expect(await reader().find(ofDisabled.session.id, now)).toBeNull();
    expect(await reader().find(ids().next(), now)).toBeNull();
    expect(await reader().find('not-a-uuid', now)).toBeNull();
  });
});

const cache = () => reader() as SessionCache;

/** Finds the session until the cache keeps it (the cache starts listening on its first use). */
const cached = async (sessionId: string) => {
  await expect
    .poll(async () => {
      await cache().find(sessionId, new Date());
      return cache().holds(sessionId);
    })
    .toBe(true);
};

describe('SessionCache in front of it (the apps)', () => {
  it('is what the apps resolve, and it answers live sessions from memory', async () => {
    expect(reader()).toBeInstanceOf(SessionCache);
    const { session } = await started((await anAccount()).id);
    await cached(session.id);
    expect(await reader().find(session.id, new Date())).not.toBeNull();
  });

  it('forgets a session that another process revoked as soon as PostgreSQL announces it', async () => {
    const { session } = await started((await anAccount()).id);
    await cached(session.id);
    // Plain SQL on another connection, as the worker or an operator would: only the trigger tells the cache.
    await sql`update auth.sessions set status = 'revoked', revoked_reason = 'logout' where id = ${session.id}`.execute(
      runtime().db,
    );
    // Well within the cache's 5 s: only the notification can make this null so soon.
    await expect.poll(() => reader().find(session.id, new Date()), { timeout: 2_000 }).toBeNull();
  });

  it('answers a revocation made in this process at once, before any notification', async () => {
    const { session, first } = await started((await anAccount()).id);
    await cached(session.id);
    await inTransaction(async (sessions) => {
      const found = (await sessions.findByTokenHash(first)) as Session;
      found.revoke('logout', stamp());
      await sessions.save(found);
    });
    expect(await reader().find(session.id, new Date())).toBeNull();
  });
});
