import { Clock, IdGenerator } from '@contextflow/core';
import { runInUnitOfWork } from '@contextflow/runtime';
import { Email, newStamp, User, UserName, UserRepository } from '@contextflow/users-domain';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { usersRuntime } from '../../test/users-runtime.js';

const runtime = usersRuntime();

function stamp() {
  return newStamp(
    runtime().container.resolve<IdGenerator>(IdGenerator),
    runtime().container.resolve<Clock>(Clock),
  );
}

/** Runs `work` with a repository bound to one real transaction, as a handler would. */
function inTransaction<T>(work: (users: UserRepository) => Promise<T>): Promise<T> {
  return runInUnitOfWork(runtime().container, runtime().db, (scope) =>
    work(scope.resolve<UserRepository>(UserRepository)),
  );
}

async function registered(email: string, name = 'Ada'): Promise<User> {
  const ids = runtime().container.resolve<IdGenerator>(IdGenerator);
  const user = User.register({ id: ids.next(), email: Email.of(email), name: UserName.of(name) }, stamp());
  await inTransaction((users) => users.save(user));
  return user;
}

describe('KyselyUserRepository', () => {
  it('stores a new user and loads it back', async () => {
    const user = await registered('ada@example.com');
    const loaded = await inTransaction((users) => users.findById(user.id));
    expect(loaded?.toSnapshot()).toMatchObject({
      id: user.id,
      email: 'ada@example.com',
      name: 'Ada',
      status: 'active',
      version: 1,
    });
  });

  it('keeps the read model and the outbox in the same transaction as the write', async () => {
    const user = await registered('grace@example.com', 'Grace');
    const view = await sql<{ name: string }>`select name from users.user_views where id = ${user.id}`.execute(
      runtime().db,
    );
    expect(view.rows).toEqual([{ name: 'Grace' }]);
    const outbox = await runtime()
      .db.selectFrom('platform.outbox')
      .select(['routing_key', 'kind'])
      .where('body', '@>', JSON.stringify({ aggregateId: user.id }))
      .execute();
    expect(outbox).toEqual([{ routing_key: 'users.user-registered.v1', kind: 'event' }]);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const ids = runtime().container.resolve<IdGenerator>(IdGenerator);
    const id = ids.next();
    await expect(
      inTransaction(async (users) => {
        await users.save(
          User.register({ id, email: Email.of('gone@example.com'), name: UserName.of('Gone') }, stamp()),
        );
        throw new Error('handler failed after saving');
      }),
    ).rejects.toThrow('handler failed after saving');
    expect(await inTransaction((users) => users.findById(id))).toBeNull();
    const outbox = await runtime()
      .db.selectFrom('platform.outbox')
      .select('seq')
      .where('body', '@>', JSON.stringify({ aggregateId: id }))
      .execute();
    expect(outbox).toEqual([]);
  });

  it('refuses the second of two concurrent writers with a conflict', async () => {
    const user = await registered('linus@example.com', 'Linus');
    let releaseFirst!: () => void;
    const firstLoaded = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    // Two real transactions load version 1; the first commits a rename, then the second tries to.
    const first = inTransaction(async (users) => {
      const copy = await users.findById(user.id);
      copy?.rename(UserName.of('First'), stamp());
      await firstLoaded;
      await users.save(copy as User);
    });
    const second = inTransaction(async (users) => {
      const copy = await users.findById(user.id);
      releaseFirst();
      await first;
      copy?.rename(UserName.of('Second'), stamp());
      await users.save(copy as User);
    });
    await expect(second).rejects.toMatchObject({ kind: 'concurrency', code: 'users.concurrent_update' });
    const stored = await inTransaction((users) => users.findById(user.id));
    expect(stored?.name.value).toBe('First');
    expect(stored?.version).toBe(2);
  });

  it('reports a taken email as users.email_taken', async () => {
    await registered('taken@example.com');
    await expect(registered('TAKEN@example.com')).rejects.toMatchObject({
      kind: 'conflict',
      code: 'users.email_taken',
    });
  });

  it('finds nothing for an id that is not a UUID', async () => {
    expect(await inTransaction((users) => users.findById('not-a-uuid'))).toBeNull();
  });
});
