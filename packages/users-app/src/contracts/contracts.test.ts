import { FixedClock, SequentialIds } from '@contextflow/core/testing';
import { Email, newStamp, User, type UserEvent, UserName } from '@contextflow/users-domain';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { toUserView } from '../get-user/to-user-view.js';
import { aliceId } from '../testing/principals.js';
import { UserDeactivatedV1, UserDeactivatedV1Schema } from './user-deactivated-v1.js';
import { type UserIntegrationEvent, UserIntegrationEventSchema } from './user-integration-event.js';
import { UserReactivatedV1, UserReactivatedV1Schema } from './user-reactivated-v1.js';
import { UserRegisteredV1, UserRegisteredV1Schema } from './user-registered-v1.js';
import { UserRenamedV1, UserRenamedV1Schema } from './user-renamed-v1.js';
import { UserViewSchema } from './user-view.js';

/** One event of each type, as the aggregate records them (and the outbox publishes them). */
function recordedEvents(): UserEvent[] {
  const ids = new SequentialIds();
  const clock = new FixedClock();
  const user = User.register(
    { id: aliceId, email: Email.of('alice@example.com'), name: UserName.of('Alice') },
    newStamp(ids, clock),
  );
  user.rename(UserName.of('Alice Smith'), newStamp(ids, clock));
  user.deactivate(newStamp(ids, clock));
  user.reactivate(newStamp(ids, clock));
  return user.pullEvents();
}

describe('users contracts', () => {
  it('parse every event the aggregate records, unchanged, with the schema of its type', () => {
    const [registered, renamed, deactivated, reactivated] = recordedEvents();
    expect(UserRegisteredV1Schema.parse(registered)).toEqual(registered);
    expect(UserRenamedV1Schema.parse(renamed)).toEqual(renamed);
    expect(UserDeactivatedV1Schema.parse(deactivated)).toEqual(deactivated);
    expect(UserReactivatedV1Schema.parse(reactivated)).toEqual(reactivated);
  });

  it('parse a received event of unknown kind with the union, after a JSON round trip', () => {
    for (const event of recordedEvents()) {
      const received: unknown = JSON.parse(JSON.stringify(event));
      expect(UserIntegrationEventSchema.parse(received)).toEqual(event);
    }
  });

  it('name the same wire types and routing keys as the domain events', () => {
    expect(recordedEvents().map((event) => `${event.type}.v${event.version}`)).toEqual([
      UserRegisteredV1.routingKey,
      UserRenamedV1.routingKey,
      UserDeactivatedV1.routingKey,
      UserReactivatedV1.routingKey,
    ]);
  });

  it('reject an event of another version or with a missing payload field', () => {
    const [registered] = recordedEvents();
    expect(UserRegisteredV1Schema.safeParse({ ...registered, version: 2 }).success).toBe(false);
    expect(
      UserRegisteredV1Schema.safeParse({ ...registered, payload: { email: 'a@example.com' } }).success,
    ).toBe(false);
  });

  it('ignore payload fields a later release may add', () => {
    const [, renamed] = recordedEvents();
    const parsed = UserRenamedV1Schema.parse({
      ...renamed,
      payload: { name: 'Alice Smith', pronouns: 'she/her' },
    });
    expect(parsed.payload).toEqual({ name: 'Alice Smith' });
  });

  it('type every domain event as an integration event', () => {
    expectTypeOf<UserEvent>().toExtend<UserIntegrationEvent>();
  });

  it('parse the view of a stored user', () => {
    const user = User.register(
      { id: aliceId, email: Email.of('alice@example.com'), name: UserName.of('Alice') },
      newStamp(new SequentialIds(), new FixedClock()),
    );
    const view = toUserView(user.toSnapshot());
    expect(UserViewSchema.parse(view)).toEqual(view);
  });
});
