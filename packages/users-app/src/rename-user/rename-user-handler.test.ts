import type { Principal } from '@contextflow/core';
import { FixedClock, SequentialIds } from '@contextflow/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { aCommand } from '../testing/a-command.js';
import { aUser } from '../testing/a-user.js';
import { InMemoryUserRepository } from '../testing/in-memory-user-repository.js';
import { admin, aliceActor, aliceId, bobActor } from '../testing/principals.js';
import { RenameUserCommand } from './rename-user-command.js';
import { RenameUserHandler } from './rename-user-handler.js';

let repository: InMemoryUserRepository;
let handler: RenameUserHandler;

const rename = (name: string, actor: Principal | null, userId = aliceId) =>
  handler.handle(aCommand(RenameUserCommand.type, { userId, name }, actor));
const storedName = async () => (await repository.findById(aliceId))?.name.value;

beforeEach(() => {
  repository = new InMemoryUserRepository().seed(aUser().snapshot());
  handler = new RenameUserHandler(
    repository,
    new FixedClock('2026-03-01T12:00:00.000Z'),
    new SequentialIds(),
  );
});

describe('RenameUserHandler', () => {
  it('lets a user rename themself and publishes UserRenamed', async () => {
    await expect(rename('Alice Smith', aliceActor)).resolves.toEqual({ userId: aliceId });
    expect(await storedName()).toBe('Alice Smith');
    expect(repository.published).toEqual([
      expect.objectContaining({
        type: 'users.user-renamed',
        aggregateVersion: 2,
        payload: { name: 'Alice Smith' },
      }),
    ]);
  });

  it('lets an admin rename another user', async () => {
    await rename('Alice Smith', admin);
    expect(await storedName()).toBe('Alice Smith');
  });

  it.each([
    ['another user', bobActor],
    ['an anonymous caller', null],
  ])('answers not found to %s and leaves the name as is', async (_label, actor) => {
    await expect(rename('Mallory', actor)).rejects.toMatchObject({
      kind: 'not_found',
      code: 'users.not_found',
    });
    expect(await storedName()).toBe('Alice');
  });

  it('answers not found for a user that does not exist', async () => {
    await expect(rename('Ghost', admin, '0190a000-0000-7000-8000-0000000000ff')).rejects.toMatchObject({
      kind: 'not_found',
      code: 'users.not_found',
    });
  });

  it('rejects an invalid name', async () => {
    await expect(rename('a'.repeat(101), aliceActor)).rejects.toMatchObject({
      kind: 'invalid',
      code: 'users.invalid_name',
    });
  });

  it('refuses to rename a deactivated user', async () => {
    repository.seed(aUser().deactivated().snapshot());
    await expect(rename('Alice Smith', admin)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'users.user_deactivated',
    });
  });

  it('changes nothing and publishes nothing when the name is the same', async () => {
    await rename('  Alice ', aliceActor);
    expect(repository.published).toEqual([]);
    expect((await repository.findById(aliceId))?.version).toBe(1);
  });
});
