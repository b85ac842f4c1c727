import { FixedClock, SequentialIds } from '@contextflow/core/testing';
import { Email, newStamp, User, type UserEvent, UserName } from '@contextflow/users-domain';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { toUserView } from '../get-user/to-user-view.js';
import { aliceId } from '../testing/principals.js';
import { UserDeactivatedV1 } from './user-deactivated-v1.js';
import { UserReactivatedV1 } from './user-reactivated-v1.js';
import { UserRegisteredV1 } from './user-registered-v1.js';
import { UserRenamedV1 } from './user-renamed-v1.js';
import { UserViewSchema } from './user-view.js';
import { UsersEventTypes, UsersRoutingKeys } from './users-event-types.js';

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
    expect(UserRegisteredV1.parse(registered)).toEqual(registered);
    expect(UserRenamedV1.parse(renamed)).toEqual(renamed);
    expect(UserDeactivatedV1.parse(deactivated)).toEqual(deactivated);
    expect(UserReactivatedV1.parse(reactivated)).toEqual(reactivated);
  });

  it('parse each event after a JSON round trip, as it travels through the outbox and the broker', () => {
    const schemas = [UserRegisteredV1, UserRenamedV1, UserDeactivatedV1, UserReactivatedV1];
    recordedEvents().forEach((event, i) => {
      const received: unknown = JSON.parse(JSON.stringify(event));
      expect(schemas[i]?.parse(received)).toEqual(event);
    });
  });

  it('name the same wire types and routing keys as the domain events', () => {
    const events = recordedEvents();
    expect(events.map((event) => event.type)).toEqual(Object.values(UsersEventTypes));
    expect(events.map((event) => `${event.type}.v${event.version}`)).toEqual(Object.values(UsersRoutingKeys));
  });

  it('reject an event of another version or with a missing payload field', () => {
    const [registered] = recordedEvents();
    expect(UserRegisteredV1.safeParse({ ...registered, version: 2 }).success).toBe(false);
    expect(UserRegisteredV1.safeParse({ ...registered, payload: { email: 'a@example.com' } }).success).toBe(
      false,
    );
  });

  it('ignore payload fields a later release may add', () => {
    const [, renamed] = recordedEvents();
    const parsed = UserRenamedV1.parse({
      ...renamed,
      payload: { name: 'Alice Smith', pronouns: 'she/her' },
    });
    expect(parsed.payload).toEqual({ name: 'Alice Smith' });
  });

  it('type every domain event as one of the published events', () => {
    expectTypeOf<UserEvent>().toExtend<
      UserRegisteredV1 | UserRenamedV1 | UserDeactivatedV1 | UserReactivatedV1
    >();
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
