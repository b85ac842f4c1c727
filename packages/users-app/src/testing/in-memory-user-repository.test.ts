import { FixedClock, SequentialIds } from '@contextflow/core/testing';
import { Email, newStamp, User, UserName } from '@contextflow/users-domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { aUser } from './a-user.js';
import { InMemoryUserRepository } from './in-memory-user-repository.js';
import { aliceId, bobId } from './principals.js';

let repository: InMemoryUserRepository;
const stamp = () => newStamp(new SequentialIds(), new FixedClock());

beforeEach(() => {
  repository = new InMemoryUserRepository();
});

describe('InMemoryUserRepository', () => {
  it('answers null for an unknown id, also one that is not a UUID', async () => {
    await expect(repository.findById(aliceId)).resolves.toBeNull();
    await expect(repository.findById('not-a-uuid')).resolves.toBeNull();
  });

  it('stores a new user and hands its events to the outbox', async () => {
    const user = User.register(
      { id: aliceId, email: Email.of('alice@example.com'), name: UserName.of('Alice') },
      stamp(),
    );
    await repository.save(user);
    expect((await repository.findById(aliceId))?.toSnapshot()).toEqual(user.toSnapshot());
    expect(repository.published.map((event) => event.type)).toEqual(['users.user-registered']);
    expect(user.pendingEvents).toEqual([]);
  });

  it('fails the second of two writers that loaded the same version', async () => {
    repository.seed(aUser().snapshot());
    const first = await repository.findById(aliceId);
    const second = await repository.findById(aliceId);
    first?.rename(UserName.of('Alice One'), stamp());
    second?.rename(UserName.of('Alice Two'), stamp());
    await repository.save(first as User);
    await expect(repository.save(second as User)).rejects.toMatchObject({
      kind: 'concurrency',
      code: 'users.concurrent_update',
    });
    expect((await repository.findById(aliceId))?.name.value).toBe('Alice One');
    expect(repository.published).toHaveLength(1);
  });

  it('refuses a new user whose id is already stored', async () => {
    repository.seed(aUser().snapshot());
    const user = User.register(
      { id: aliceId, email: Email.of('other@example.com'), name: UserName.of('Other') },
      stamp(),
    );
    await expect(repository.save(user)).rejects.toMatchObject({ code: 'users.concurrent_update' });
  });

  it('refuses a second user with the same email', async () => {
    repository.seed(aUser().snapshot());
    const user = User.register(
      { id: bobId, email: Email.of('alice@example.com'), name: UserName.of('Bob') },
      stamp(),
    );
    await expect(repository.save(user)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'users.email_taken',
    });
    await expect(repository.findById(bobId)).resolves.toBeNull();
    expect(repository.published).toEqual([]);
  });
});
