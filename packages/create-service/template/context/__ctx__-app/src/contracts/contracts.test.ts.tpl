import { __Agg__, __Agg__CreatedEvent, __Agg__Title, newStamp } from '@__scope__/__ctx__-domain';
import { eventRoutingKey } from '@contextflow/core';
import { FixedClock, SequentialIds } from '@contextflow/core/testing';
import { describe, expect, it } from 'vitest';
import { __Agg__CreatedV1 } from './__agg__-created-v1.js';
import { __Ctx__EventTypes, __Ctx__RoutingKeys } from './__ctx__-event-types.js';

/** The events of a new __agg__, through JSON, as they travel through the outbox and the broker. */
function recordedEvents(): unknown[] {
  const ids = new SequentialIds();
  const __agg__ = __Agg__.create(
    { id: ids.next(), title: __Agg__Title.of('First') },
    newStamp(ids, new FixedClock()),
  );
  return JSON.parse(JSON.stringify(__agg__.pullEvents())) as unknown[];
}

describe('__ctx__ contracts', () => {
  it('parse the event the __Agg__ aggregate records', () => {
    const [created] = recordedEvents();
    expect(__Agg__CreatedV1.parse(created).payload).toEqual({ title: 'First' });
  });

  it('reject an event of another version', () => {
    const [created] = recordedEvents();
    expect(__Agg__CreatedV1.safeParse({ ...(created as object), version: 2 }).success).toBe(false);
  });

  it('name the same wire types and routing keys as the domain events', () => {
    expect(__Ctx__EventTypes).toEqual({ __agg__Created: __Agg__CreatedEvent.type });
    expect(__Ctx__RoutingKeys).toEqual({ __agg__CreatedV1: eventRoutingKey(__Agg__CreatedEvent) });
  });
});
