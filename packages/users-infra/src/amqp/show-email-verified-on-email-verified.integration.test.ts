import { type DomainEvent, type EventHandler, IdGenerator } from '@contextflow/core';
import type { InjectionToken } from 'tsyringe';
import { runInUnitOfWork } from '@contextflow/runtime';
import { UserReadModel } from '@contextflow/users-app';
import { describe, expect, it } from 'vitest';
import { usersRuntime } from '../../test/users-runtime.js';
import { usersModule } from '../module.js';
import { RegisterUserOnAccountRegistered } from './register-user-on-account-registered.js';
import { ShowEmailVerifiedOnEmailVerified } from './show-email-verified-on-email-verified.js';

const runtime = usersRuntime();

function event(type: string, aggregateId: string, payload: object): DomainEvent {
  const ids = runtime().container.resolve<IdGenerator>(IdGenerator);
  return {
    id: ids.next(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateId,
    aggregateVersion: 1,
    payload,
  };
}

const react = (Reaction: InjectionToken<EventHandler<DomainEvent>>, e: DomainEvent) =>
  runInUnitOfWork(runtime().container, runtime().db, (scope) => scope.resolve(Reaction).handle(e));

describe('ShowEmailVerifiedOnEmailVerified', () => {
  it('binds the v1 routing key of the auth contract', () => {
    expect(usersModule.events.map((subscription) => subscription.events)).toContainEqual([
      'auth.email-verified.v1',
    ]);
  });

  it('shows the email verified, and keeps it so when the user is saved again', async () => {
    const id = runtime().container.resolve<IdGenerator>(IdGenerator).next();
    await react(
      RegisterUserOnAccountRegistered,
      event('auth.account-registered', id, { email: 'v@example.com', name: 'V' }),
    );
    const views = runtime().container.resolve<UserReadModel>(UserReadModel);
    expect((await views.get(id))?.emailVerified).toBe(false);
    await react(
      ShowEmailVerifiedOnEmailVerified,
      event('auth.email-verified', id, { email: 'v@example.com' }),
    );
    expect(await views.get(id)).toMatchObject({ id, emailVerified: true });
  });

  it('fails (and so is retried) while the user is not in the read model yet', async () => {
    const id = runtime().container.resolve<IdGenerator>(IdGenerator).next();
    await expect(
      react(
        ShowEmailVerifiedOnEmailVerified,
        event('auth.email-verified', id, { email: 'late@example.com' }),
      ),
    ).rejects.toThrow('not in the read model yet');
  });
});
