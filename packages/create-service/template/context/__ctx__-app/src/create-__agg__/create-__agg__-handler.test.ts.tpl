import { FixedClock, SequentialIds } from '@contextflow/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { aCommand } from '../testing/a-command.js';
import { InMemory__Agg__Repository } from '../testing/in-memory-__agg__-repository.js';
import { Create__Agg__Command } from './create-__agg__-command.js';
import { Create__Agg__Handler } from './create-__agg__-handler.js';

const id = '0190c000-0000-7000-8000-0000000000aa';
let repository: InMemory__Agg__Repository;
let handler: Create__Agg__Handler;

const create = (title: string) =>
  handler.handle(aCommand(Create__Agg__Command.type, { __agg__Id: id, title }, null));

beforeEach(() => {
  repository = new InMemory__Agg__Repository();
  handler = new Create__Agg__Handler(
    repository,
    new FixedClock('2026-03-01T12:00:00.000Z'),
    new SequentialIds(),
  );
});

describe('Create__Agg__Handler', () => {
  it('stores the __agg__ and publishes __Agg__Created', async () => {
    await expect(create('First')).resolves.toEqual({ __agg__Id: id });
    expect((await repository.findById(id))?.title.value).toBe('First');
    expect(repository.published).toEqual([
      expect.objectContaining({
        type: '__ctx__.__agg__-created',
        aggregateId: id,
        payload: { title: 'First' },
      }),
    ]);
  });

  it('rejects an invalid title and stores nothing', async () => {
    await expect(create('')).rejects.toMatchObject({ kind: 'invalid', code: '__ctx__.invalid_title' });
    expect(await repository.findById(id)).toBeNull();
  });

  it('refuses to create the same id twice', async () => {
    await create('First');
    await expect(create('Again')).rejects.toMatchObject({ kind: 'concurrency' });
  });
});
