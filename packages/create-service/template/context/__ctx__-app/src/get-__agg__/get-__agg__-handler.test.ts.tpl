import { __Agg__, __Agg__Title } from '@__scope__/__ctx__-domain';
import { describe, expect, it } from 'vitest';
import { InMemory__Agg__ReadModel } from '../testing/in-memory-__agg__-read-model.js';
import { InMemory__Agg__Repository } from '../testing/in-memory-__agg__-repository.js';
import { Get__Agg__Handler } from './get-__agg__-handler.js';
import { Get__Agg__Query } from './get-__agg__-query.js';

const id = '0190c000-0000-7000-8000-0000000000aa';
const stamp = { eventId: '0190c000-0000-7000-8000-000000000001', at: new Date('2026-01-01T00:00:00.000Z') };

function handler() {
  const repository = new InMemory__Agg__Repository().seed(
    __Agg__.create({ id, title: __Agg__Title.of('First') }, stamp),
  );
  return new Get__Agg__Handler(new InMemory__Agg__ReadModel(repository));
}

const ask = (__agg__Id: string) =>
  handler().handle({ type: Get__Agg__Query.type, params: { __agg__Id }, actor: null });

describe('Get__Agg__Handler', () => {
  it('answers the view of a stored __agg__', async () => {
    await expect(ask(id)).resolves.toEqual({
      id,
      title: 'First',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('answers not found for an unknown id', async () => {
    await expect(ask('0190c000-0000-7000-8000-0000000000bb')).rejects.toMatchObject({
      kind: 'not_found',
      code: '__ctx__.not_found',
    });
  });
});
