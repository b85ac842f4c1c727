import { AppError } from '@contextflow/core';
import { describe, expect, it } from 'vitest';
import { __Agg__ } from './__agg__.js';
import { __Agg__Title } from './__agg__-title.js';

const stamp = { eventId: '0190c000-0000-7000-8000-000000000001', at: new Date('2026-01-01T00:00:00.000Z') };
const id = '0190c000-0000-7000-8000-0000000000aa';

describe('__Agg__', () => {
  it('records __Agg__Created when created', () => {
    const __agg__ = __Agg__.create({ id, title: __Agg__Title.of('  First  ') }, stamp);
    expect(__agg__.pendingEvents).toEqual([
      {
        type: '__ctx__.__agg__-created',
        version: 1,
        id: stamp.eventId,
        occurredAt: '2026-01-01T00:00:00.000Z',
        aggregateId: id,
        aggregateVersion: 1,
        payload: { title: 'First' },
      },
    ]);
    expect(__agg__.version).toBe(1);
    expect(__agg__.persistedVersion).toBe(0);
  });

  it('restores a snapshot without events', () => {
    const snapshot = __Agg__.create({ id, title: __Agg__Title.of('First') }, stamp).toSnapshot();
    const restored = __Agg__.restore(snapshot);
    expect(restored.toSnapshot()).toEqual(snapshot);
    expect(restored.pendingEvents).toEqual([]);
  });

  it('rejects an empty title as invalid __ctx__.invalid_title', () => {
    let rejection: unknown;
    try {
      __Agg__Title.of('   ');
    } catch (error) {
      rejection = error;
    }
    expect(rejection).toBeInstanceOf(AppError);
    expect(rejection).toMatchObject({ kind: 'invalid', code: '__ctx__.invalid_title' });
  });
});
