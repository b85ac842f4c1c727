import type { Principal } from '@contextflow/core';
import { FixedClock, SequentialIds } from '@contextflow/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { aCommand } from '../testing/a-command.js';
import { aUser } from '../testing/a-user.js';
import { InMemoryUserRepository } from '../testing/in-memory-user-repository.js';
import { admin, aliceActor, aliceId, bobActor } from '../testing/principals.js';
import { ReactivateUserCommand } from './reactivate-user-command.js';
import { ReactivateUserHandler } from './reactivate-user-handler.js';

let repository: InMemoryUserRepository;
let handler: ReactivateUserHandler;

const reactivate = (actor: Principal | null, userId = aliceId) =>
  handler.handle(aCommand(ReactivateUserCommand.type, { userId }, actor));
const storedStatus = async () => (await repository.findById(aliceId))?.status;

beforeEach(() => {
  repository = new InMemoryUserRepository().seed(aUser().deactivated().snapshot());
  handler = new ReactivateUserHandler(
    repository,
    new FixedClock('2026-03-01T12:00:00.000Z'),
    new SequentialIds(),
  );
});

describe('ReactivateUserHandler', () => {
  it('lets an admin reactivate a user and publishes the event', async () => {
    await expect(reactivate(admin)).resolves.toEqual({ userId: aliceId });
    expect(await storedStatus()).toBe('active');
    expect(repository.published).toEqual([
      expect.objectContaining({
        type: 'users.user-reactivated',
        aggregateId: aliceId,
        aggregateVersion: 2,
        payload: {},
      }),
    ]);
  });

  it('succeeds without an event when the user is already active', async () => {
    repository.seed(aUser().snapshot());
    await expect(reactivate(admin)).resolves.toEqual({ userId: aliceId });
    expect(repository.published).toEqual([]);
    expect((await repository.findById(aliceId))?.version).toBe(1);
  });

  it.each([
    ['the user themself', aliceActor],
    ['another user', bobActor],
    ['an anonymous caller', null],
  ])('forbids %s who is not an admin', async (_label, actor) => {
    await expect(reactivate(actor)).rejects.toMatchObject({ kind: 'forbidden', code: 'users.admin_only' });
    expect(repository.published).toEqual([]);
  });

  it('answers not found for a user that does not exist', async () => {
    await expect(reactivate(admin, '0190a000-0000-7000-8000-0000000000ff')).rejects.toMatchObject({
      kind: 'not_found',
      code: 'users.not_found',
    });
  });
});
