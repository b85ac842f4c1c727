import { Account, AccountRepository, Email, newStamp } from '@contextflow/auth-domain';
import { Clock, IdGenerator } from '@contextflow/core';
import { runInUnitOfWork } from '@contextflow/runtime';
import { describe, expect, it } from 'vitest';
import { authRuntime } from '../../test/auth-runtime.js';

const runtime = authRuntime();

const stamp = () =>
  newStamp(runtime().container.resolve<IdGenerator>(IdGenerator), runtime().container.resolve<Clock>(Clock));

function inTransaction<T>(work: (accounts: AccountRepository) => Promise<T>): Promise<T> {
  return runInUnitOfWork(runtime().container, runtime().db, (scope) =>
    work(scope.resolve<AccountRepository>(AccountRepository)),
  );
}

function anAccount(email: string): Account {
  const id = runtime().container.resolve<IdGenerator>(IdGenerator).next();
  return Account.register(
    { id, email: Email.parse(email), passwordHash: '$argon2id$stub', name: 'Ada' },
    stamp(),
  );
}

async function registered(email: string): Promise<Account> {
  const account = anAccount(email);
  await inTransaction((accounts) => accounts.save(account));
  return account;
}

const outbox = (aggregateId: string) =>
  runtime()
    .db.selectFrom('platform.outbox')
    .select('routing_key')
    .where('body', '@>', JSON.stringify({ aggregateId }))
    .execute();

describe('KyselyAccountRepository', () => {
  it('stores a new account and finds it by id and by email', async () => {
    const account = await registered('ada@example.com');
    const byId = await inTransaction((accounts) => accounts.findById(account.id));
    const byEmail = await inTransaction((accounts) => accounts.findByEmail(Email.parse('ADA@example.com')));
    const expected = {
      id: account.id,
      email: 'ada@example.com',
      passwordHash: '$argon2id$stub',
      roles: ['user'],
      status: 'active',
      emailVerified: false,
      version: 1,
    };
    expect(byId?.toSnapshot()).toEqual(expected);
    expect(byEmail?.toSnapshot()).toEqual(expected);
  });

  it('puts the recorded events in the outbox in the same transaction, and nothing when it rolls back', async () => {
    const account = await registered('grace@example.com');
    expect(await outbox(account.id)).toEqual([{ routing_key: 'auth.account-registered.v1' }]);
    const gone = anAccount('gone@example.com');
    await expect(
      inTransaction(async (accounts) => {
        await accounts.save(gone);
        throw new Error('the handler failed after saving');
      }),
    ).rejects.toThrow('the handler failed after saving');
    expect(await inTransaction((accounts) => accounts.findById(gone.id))).toBeNull();
    expect(await outbox(gone.id)).toEqual([]);
  });

  it('refuses the second of two concurrent writers with auth.concurrent_update', async () => {
    const account = await registered('linus@example.com');
    let releaseFirst!: () => void;
    const firstLoaded = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const first = inTransaction(async (accounts) => {
      const copy = (await accounts.findById(account.id)) as Account;
      copy.grantRole('admin', stamp());
      await firstLoaded;
      await accounts.save(copy);
    });
    const second = inTransaction(async (accounts) => {
      const copy = (await accounts.findById(account.id)) as Account;
      releaseFirst();
      await first;
      copy.disable(stamp());
      await accounts.save(copy);
    });
    await expect(second).rejects.toMatchObject({ kind: 'concurrency', code: 'auth.concurrent_update' });
    const stored = await inTransaction((accounts) => accounts.findById(account.id));
    expect(stored?.toSnapshot()).toMatchObject({ roles: ['user', 'admin'], status: 'active', version: 2 });
  });

  it('reports an email already held by another account as auth.email_taken', async () => {
    await registered('taken@example.com');
    await expect(registered('Taken@Example.com')).rejects.toMatchObject({
      kind: 'conflict',
      code: 'auth.email_taken',
    });
  });

  it('saves a new password hash although it records no event', async () => {
    const account = await registered('rehash@example.com');
    await inTransaction(async (accounts) => {
      const copy = (await accounts.findById(account.id)) as Account;
      copy.changePasswordHash('$argon2id$stronger');
      await accounts.save(copy);
    });
    const stored = await inTransaction((accounts) => accounts.findById(account.id));
    expect(stored?.toSnapshot()).toMatchObject({ passwordHash: '$argon2id$stronger', version: 1 });
  });

  it('finds nothing for an unknown id, a malformed id or an unknown email', async () => {
    const unknown = runtime().container.resolve<IdGenerator>(IdGenerator).next();
    expect(await inTransaction((accounts) => accounts.findById(unknown))).toBeNull();
    expect(await inTransaction((accounts) => accounts.findById('not-a-uuid'))).toBeNull();
    expect(
      await inTransaction((accounts) => accounts.findByEmail(Email.parse('nobody@example.com'))),
    ).toBeNull();
  });
});
