import { describe, expect, it } from 'vitest';
import { AggregateRoot } from './aggregate-root.js';
import type { DomainEvent } from './domain-event.js';

type Renamed = DomainEvent<'test.renamed', { name: string }>;

class Thing extends AggregateRoot<Renamed> {
  constructor(
    id: string,
    version: number,
    public name: string,
  ) {
    super(id, version);
  }

  rename(name: string): void {
    this.name = name;
    this.record({
      id: `e-${this.version + 1}`,
      type: 'test.renamed',
      version: 1,
      occurredAt: '2026-01-01T00:00:00.000Z',
      payload: { name },
    });
  }
}

describe('AggregateRoot', () => {
  it('bumps the version once per recorded event and keeps the persisted version', () => {
    const thing = new Thing('t1', 3, 'a');
    thing.rename('b');
    thing.rename('c');
    expect(thing.version).toBe(5);
    expect(thing.persistedVersion).toBe(3);
  });

  it('stamps events with the aggregate id and the version they produced', () => {
    const thing = new Thing('t1', 0, 'a');
    thing.rename('b');
    expect(thing.pendingEvents).toEqual([
      expect.objectContaining({ aggregateId: 't1', aggregateVersion: 1, payload: { name: 'b' } }),
    ]);
  });

  it('hands its events over once', () => {
    const thing = new Thing('t1', 0, 'a');
    thing.rename('b');
    expect(thing.pullEvents()).toHaveLength(1);
    expect(thing.pullEvents()).toHaveLength(0);
    expect(thing.persistedVersion).toBe(1);
  });
});
