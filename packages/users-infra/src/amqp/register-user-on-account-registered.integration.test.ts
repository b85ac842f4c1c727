import { AuthRoutingKeys } from '@contextflow/auth-app/contracts';
import { type DomainEvent, IdGenerator } from '@contextflow/core';
import { runInUnitOfWork } from '@contextflow/runtime';
import { UserReadModel } from '@contextflow/users-app';
import { describe, expect, it } from 'vitest';
import { usersRuntime } from '../../test/users-runtime.js';
import { usersModule } from '../module.js';
import { RegisterUserOnAccountRegistered } from './register-user-on-account-registered.js';

const runtime = usersRuntime();

function accountRegistered(overrides: Partial<DomainEvent> = {}): DomainEvent {
  const ids = runtime().container.resolve<IdGenerator>(IdGenerator);
  return {
    id: ids.next(),
    type: 'auth.account-registered',
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateId: ids.next(),
    aggregateVersion: 1,
    payload: { email: 'New.Person@Example.com', name: 'New Person' },
    ...overrides,
  };
}

const react = (event: DomainEvent) =>
  runInUnitOfWork(runtime().container, runtime().db, (scope) =>
    scope.resolve(RegisterUserOnAccountRegistered).handle(event),
  );

describe('RegisterUserOnAccountRegistered', () => {
  it('binds the v1 routing key of the auth contract', () => {
    expect(usersModule.events).toContainEqual(
      expect.objectContaining({
        name: 'users.register-user-on-account-registered',
        events: [AuthRoutingKeys.accountRegisteredV1],
      }),
    );
  });

  it("creates the user's profile with the account's id", async () => {
    const event = accountRegistered();
    await react(event);
    const view = await runtime().container.resolve<UserReadModel>(UserReadModel).get(event.aggregateId);
    expect(view).toMatchObject({
      id: event.aggregateId,
      email: 'new.person@example.com',
      name: 'New Person',
      status: 'active',
    });
  });

  it('leaves the profile as it is when the same account arrives again', async () => {
    const event = accountRegistered({ payload: { email: 'twice@example.com', name: 'Twice' } });
    await react(event);
    await react({ ...event, payload: { email: 'twice@example.com', name: 'Changed' } });
    const view = await runtime().container.resolve<UserReadModel>(UserReadModel).get(event.aggregateId);
    expect(view?.name).toBe('Twice');
  });

  it('refuses an event that breaks its contract, as a final error', async () => {
    await expect(react(accountRegistered({ payload: { email: 'x@example.com' } }))).rejects.toMatchObject({
      kind: 'invalid',
      code: 'users.invalid_event',
    });
  });
});
