import { FixedClock, SequentialIds } from '@contextflow/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { Email } from './email.js';
import { newStamp, type Stamp } from './stamp.js';
import { User } from './user.js';
import { UserName } from './user-name.js';

const id = '0190a000-0000-7000-8000-00000000a11c';
let clock: FixedClock;
let ids: SequentialIds;
const stamp = (): Stamp => newStamp(ids, clock);

function registered(): User {
  const user = User.register(
    { id, email: Email.of('alice@example.com'), name: UserName.of('Alice') },
    stamp(),
  );
  user.pullEvents();
  return user;
}

beforeEach(() => {
  clock = new FixedClock('2026-01-01T00:00:00.000Z');
  ids = new SequentialIds();
});

describe('User.register', () => {
  it('creates an active user at version 1 that the store has not seen yet', () => {
    const user = User.register(
      { id, email: Email.of('alice@example.com'), name: UserName.of('Alice') },
      stamp(),
    );
    expect(user.toSnapshot()).toEqual({
      id,
      email: 'alice@example.com',
      name: 'Alice',
      status: 'active',
      createdAt: new Date('2026-01-01T00:00:00.000Z'),
      updatedAt: new Date('2026-01-01T00:00:00.000Z'),
      version: 1,
    });
    expect(user.persistedVersion).toBe(0);
  });

  it('records UserRegistered with the email and name', () => {
    const user = User.register(
      { id, email: Email.of('alice@example.com'), name: UserName.of('Alice') },
      stamp(),
    );
    expect(user.pullEvents()).toEqual([
      {
        id: '00000000-0000-7000-8000-000000000001',
        type: 'users.user-registered',
        version: 1,
        occurredAt: '2026-01-01T00:00:00.000Z',
        aggregateId: id,
        aggregateVersion: 1,
        payload: { email: 'alice@example.com', name: 'Alice' },
      },
    ]);
  });
});

describe('User.rename', () => {
  it('changes the name, moves updatedAt and records UserRenamed at the next version', () => {
    const user = registered();
    clock.advance(60_000);
    user.rename(UserName.of('Alice Smith'), stamp());
    expect(user.name.value).toBe('Alice Smith');
    expect(user.updatedAt).toEqual(new Date('2026-01-01T00:01:00.000Z'));
    expect(user.version).toBe(2);
    expect(user.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'users.user-renamed',
        occurredAt: '2026-01-01T00:01:00.000Z',
        aggregateVersion: 2,
        payload: { name: 'Alice Smith' },
      }),
    ]);
  });

  it('records nothing and keeps the version when the name is the same', () => {
    const user = registered();
    clock.advance(60_000);
    user.rename(UserName.of(' Alice '), stamp());
    expect(user.pendingEvents).toEqual([]);
    expect(user.version).toBe(1);
    expect(user.updatedAt).toEqual(new Date('2026-01-01T00:00:00.000Z'));
  });

  it('refuses to rename a deactivated user', () => {
    const user = registered();
    user.deactivate(stamp());
    expect(() => user.rename(UserName.of('Mallory'), stamp())).toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'users.user_deactivated' }),
    );
    expect(user.name.value).toBe('Alice');
  });
});

describe('User.deactivate', () => {
  it('deactivates an active user and records UserDeactivated', () => {
    const user = registered();
    user.deactivate(stamp());
    expect(user.status).toBe('deactivated');
    expect(user.version).toBe(2);
    expect(user.pullEvents()).toEqual([
      expect.objectContaining({ type: 'users.user-deactivated', aggregateVersion: 2, payload: {} }),
    ]);
  });

  it('leaves a deactivated user as is, with no event', () => {
    const user = registered();
    user.deactivate(stamp());
    user.pullEvents();
    user.deactivate(stamp());
    expect(user.status).toBe('deactivated');
    expect(user.pendingEvents).toEqual([]);
    expect(user.version).toBe(2);
  });
});

describe('User.reactivate', () => {
  it('reactivates a deactivated user and records UserReactivated', () => {
    const user = registered();
    user.deactivate(stamp());
    user.reactivate(stamp());
    expect(user.status).toBe('active');
    expect(user.pullEvents().map((event) => [event.type, event.aggregateVersion])).toEqual([
      ['users.user-deactivated', 2],
      ['users.user-reactivated', 3],
    ]);
  });

  it('leaves an active user as is, with no event', () => {
    const user = registered();
    user.reactivate(stamp());
    expect(user.pendingEvents).toEqual([]);
    expect(user.version).toBe(1);
  });

  it('lets a reactivated user be renamed again', () => {
    const user = registered();
    user.deactivate(stamp());
    user.reactivate(stamp());
    user.rename(UserName.of('Alice Smith'), stamp());
    expect(user.name.value).toBe('Alice Smith');
  });
});

describe('User.restore', () => {
  it('round-trips a snapshot without pending events, at the stored version', () => {
    const original = registered();
    original.rename(UserName.of('Alice Smith'), stamp());
    const restored = User.restore(original.toSnapshot());
    expect(restored.toSnapshot()).toEqual(original.toSnapshot());
    expect(restored.pendingEvents).toEqual([]);
    expect(restored.persistedVersion).toBe(2);
  });

  it('hands out copies of its dates, so callers cannot change its state', () => {
    const user = registered();
    user.createdAt.setFullYear(2000);
    user.toSnapshot().updatedAt.setFullYear(2000);
    expect(user.createdAt.getFullYear()).toBe(2026);
    expect(user.updatedAt.getFullYear()).toBe(2026);
  });
});
