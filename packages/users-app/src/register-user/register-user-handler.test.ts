import { type Principal, SYSTEM_PRINCIPAL } from '@contextflow/core';
import { FixedClock, SequentialIds } from '@contextflow/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { aCommand } from '../testing/a-command.js';
import { aUser } from '../testing/a-user.js';
import { InMemoryUserRepository } from '../testing/in-memory-user-repository.js';
import { admin, aliceActor, aliceId, bobId } from '../testing/principals.js';
import { RegisterUserCommand, type RegisterUserPayload } from './register-user-command.js';
import { RegisterUserHandler } from './register-user-handler.js';

let repository: InMemoryUserRepository;
let handler: RegisterUserHandler;

const register = (payload: RegisterUserPayload, actor: Principal | null = SYSTEM_PRINCIPAL) =>
  handler.handle(aCommand(RegisterUserCommand.type, payload, actor));

beforeEach(() => {
  repository = new InMemoryUserRepository();
  handler = new RegisterUserHandler(
    repository,
    new FixedClock('2026-03-01T12:00:00.000Z'),
    new SequentialIds(),
  );
});

describe('RegisterUserHandler', () => {
  it('registers an active user and publishes UserRegistered', async () => {
    const result = await register({ userId: aliceId, email: ' Alice@Example.com ', name: 'Alice' });
    expect(result).toEqual({ userId: aliceId });
    expect(repository.snapshots()).toEqual([
      expect.objectContaining({ id: aliceId, email: 'alice@example.com', name: 'Alice', status: 'active' }),
    ]);
    expect(repository.published).toEqual([
      expect.objectContaining({
        type: 'users.user-registered',
        aggregateId: aliceId,
        occurredAt: '2026-03-01T12:00:00.000Z',
        payload: { email: 'alice@example.com', name: 'Alice' },
      }),
    ]);
  });

  it.each([
    ['no actor', null],
    ['an admin', admin],
  ])('accepts the command from %s', async (_label, actor) => {
    await expect(
      register({ userId: aliceId, email: 'alice@example.com', name: 'Alice' }, actor),
    ).resolves.toEqual({
      userId: aliceId,
    });
  });

  it('forbids a plain user from issuing it', async () => {
    await expect(
      register({ userId: aliceId, email: 'alice@example.com', name: 'Alice' }, aliceActor),
    ).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'users.admin_only',
    });
    expect(repository.snapshots()).toEqual([]);
  });

  it('rejects an invalid email without storing anything', async () => {
    await expect(register({ userId: aliceId, email: 'alice', name: 'Alice' })).rejects.toMatchObject({
      kind: 'invalid',
      code: 'users.invalid_email',
    });
    expect(repository.snapshots()).toEqual([]);
  });

  it('rejects an invalid name', async () => {
    await expect(register({ userId: aliceId, email: 'alice@example.com', name: ' ' })).rejects.toMatchObject({
      kind: 'invalid',
      code: 'users.invalid_name',
    });
  });

  it('fails with email_taken when another user has the email', async () => {
    repository.seed(aUser().withId(bobId).withEmail('alice@example.com').snapshot());
    await expect(
      register({ userId: aliceId, email: 'ALICE@example.com', name: 'Alice' }),
    ).rejects.toMatchObject({
      kind: 'conflict',
      code: 'users.email_taken',
    });
    expect(repository.published).toEqual([]);
  });

  it('answers a repeated registration of the same user again without a second event', async () => {
    await register({ userId: aliceId, email: 'alice@example.com', name: 'Alice' });
    await expect(register({ userId: aliceId, email: 'alice@example.com', name: 'Alice' })).resolves.toEqual({
      userId: aliceId,
    });
    expect(repository.published).toHaveLength(1);
  });
});
