import type { Principal } from '@contextflow/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { aQuery } from '../testing/a-command.js';
import { aUser } from '../testing/a-user.js';
import { InMemoryUserReadModel } from '../testing/in-memory-user-read-model.js';
import { InMemoryUserRepository } from '../testing/in-memory-user-repository.js';
import { admin, aliceActor, aliceId, bobActor } from '../testing/principals.js';
import { GetUserHandler } from './get-user-handler.js';
import { GetUserQuery } from './get-user-query.js';

let handler: GetUserHandler;
const get = (actor: Principal | null, userId = aliceId) =>
  handler.handle(aQuery(GetUserQuery.type, { userId }, actor));

beforeEach(() => {
  const repository = new InMemoryUserRepository().seed(
    aUser().createdAt('2026-02-01T08:00:00.000Z').snapshot(),
  );
  handler = new GetUserHandler(new InMemoryUserReadModel(repository));
});

describe('GetUserHandler', () => {
  it('shows a user their own view', async () => {
    await expect(get(aliceActor)).resolves.toEqual({
      id: aliceId,
      email: 'alice@example.com',
      name: 'Alice',
      status: 'active',
      emailVerified: false,
      createdAt: '2026-02-01T08:00:00.000Z',
      updatedAt: '2026-02-01T08:00:00.000Z',
    });
  });

  it("shows an admin any user's view", async () => {
    await expect(get(admin)).resolves.toMatchObject({ id: aliceId });
  });

  it.each([
    ['another user', bobActor],
    ['an anonymous caller', null],
  ])('answers not found to %s', async (_label, actor) => {
    await expect(get(actor)).rejects.toMatchObject({ kind: 'not_found', code: 'users.not_found' });
  });

  it('answers not found for a user that does not exist', async () => {
    await expect(get(admin, '0190a000-0000-7000-8000-0000000000ff')).rejects.toMatchObject({
      kind: 'not_found',
      code: 'users.not_found',
    });
  });
});
