import type { CommandHandler, Principal } from '@contextflow/core';
import { FixedClock, SequentialIds } from '@contextflow/core/testing';
import type { UserStatus } from '@contextflow/users-domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { DeactivateUserCommand } from '../deactivate-user/deactivate-user-command.js';
import { DeactivateUserHandler } from '../deactivate-user/deactivate-user-handler.js';
import { ReactivateUserCommand } from '../reactivate-user/reactivate-user-command.js';
import { ReactivateUserHandler } from '../reactivate-user/reactivate-user-handler.js';
import { aCommand } from '../testing/a-command.js';
import { aUser } from '../testing/a-user.js';
import { InMemoryUserRepository } from '../testing/in-memory-user-repository.js';
import { admin, aliceActor, aliceId, bobActor } from '../testing/principals.js';

/** One admin-only status change of a user. */
interface StatusChangeSpec {
  readonly name: string;
  readonly commandType: string;
  readonly create: (
    repository: InMemoryUserRepository,
    clock: FixedClock,
    ids: SequentialIds,
  ) => CommandHandler;
  readonly from: UserStatus;
  readonly to: UserStatus;
  readonly eventType: string;
}

const seeded = (status: UserStatus) => (status === 'active' ? aUser() : aUser().deactivated()).snapshot();

const specs: readonly StatusChangeSpec[] = [
  {
    name: 'DeactivateUserHandler',
    commandType: DeactivateUserCommand.type,
    create: (repository, clock, ids) => new DeactivateUserHandler(repository, clock, ids),
    from: 'active',
    to: 'deactivated',
    eventType: 'users.user-deactivated',
  },
  {
    name: 'ReactivateUserHandler',
    commandType: ReactivateUserCommand.type,
    create: (repository, clock, ids) => new ReactivateUserHandler(repository, clock, ids),
    from: 'deactivated',
    to: 'active',
    eventType: 'users.user-reactivated',
  },
];

// The behaviour every admin-only status change of a user shares, one suite per handler.
describe.each(specs)('$name', (spec) => {
  let repository: InMemoryUserRepository;
  let handler: CommandHandler;
  const run = (actor: Principal | null, userId = aliceId) =>
    handler.handle(aCommand(spec.commandType, { userId }, actor));

  beforeEach(() => {
    repository = new InMemoryUserRepository().seed(seeded(spec.from));
    handler = spec.create(repository, new FixedClock('2026-03-01T12:00:00.000Z'), new SequentialIds());
  });

  it(`lets an admin move a user from ${spec.from} to ${spec.to} and publishes ${spec.eventType}`, async () => {
    await expect(run(admin)).resolves.toEqual({ userId: aliceId });
    expect((await repository.findById(aliceId))?.status).toBe(spec.to);
    expect(repository.published).toEqual([
      expect.objectContaining({
        type: spec.eventType,
        aggregateId: aliceId,
        aggregateVersion: 2,
        payload: {},
      }),
    ]);
  });

  it(`succeeds without an event when the user is already ${spec.to}`, async () => {
    repository.seed(seeded(spec.to));
    await expect(run(admin)).resolves.toEqual({ userId: aliceId });
    expect(repository.published).toEqual([]);
    expect((await repository.findById(aliceId))?.version).toBe(1);
  });

  it.each([
    ['the user themself', aliceActor],
    ['another user', bobActor],
    ['an anonymous caller', null],
  ])('forbids %s who is not an admin', async (_label, actor) => {
    await expect(run(actor)).rejects.toMatchObject({ kind: 'forbidden', code: 'users.admin_only' });
    expect(repository.published).toEqual([]);
  });

  it('answers not found for a user that does not exist', async () => {
    await expect(run(admin, '0190a000-0000-7000-8000-0000000000ff')).rejects.toMatchObject({
      kind: 'not_found',
      code: 'users.not_found',
    });
  });
});
