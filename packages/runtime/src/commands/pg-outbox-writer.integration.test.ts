import type { DomainEvent } from '@contextflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenTestDatabase, openTestDatabase } from '../testing/open-test-database.js';
import { PgOutboxWriter } from './pg-outbox-writer.js';

const event = (id: string): DomainEvent => ({
  id,
  type: 'widgets.widget-made',
  version: 2,
  occurredAt: '2026-03-01T12:00:00.000Z',
  aggregateId: 'w-1',
  aggregateVersion: 1,
  payload: { size: 3 },
});

describe('PgOutboxWriter', () => {
  let t: OpenTestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  const rowsOf = (ids: string[]) =>
    t.db.selectFrom('platform.outbox').selectAll().where('message_id', 'in', ids).orderBy('seq').execute();

  it('writes each event as an event message routed by type and version, in order', async () => {
    const ids = ['01900000-0000-7000-8000-0000000000a1', '01900000-0000-7000-8000-0000000000a2'];
    const writer = new PgOutboxWriter(t.db, {
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      traceparent: 'tp',
    });
    await writer.append(ids.map(event));
    const rows = await rowsOf(ids);
    expect(rows.map((row) => row.message_id)).toEqual(ids);
    expect(rows[0]).toMatchObject({
      kind: 'event',
      routing_key: 'widgets.widget-made.v2',
      body: event(ids[0] ?? ''),
      headers: { correlationId: 'corr-1', causationId: 'cmd-1', traceparent: 'tp' },
      sent_at: null,
    });
  });

  it('writes empty headers outside a message context', async () => {
    const id = '01900000-0000-7000-8000-0000000000b1';
    await new PgOutboxWriter(t.db).append([event(id)]);
    expect(await rowsOf([id])).toMatchObject([{ headers: {} }]);
  });

  it('writes in the transaction it was given, so a rollback discards the events', async () => {
    const id = '01900000-0000-7000-8000-0000000000c1';
    await expect(
      t.db.transaction().execute(async (trx) => {
        await new PgOutboxWriter(trx).append([event(id)]);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await rowsOf([id])).toEqual([]);
  });

  it('writes nothing for no events', async () => {
    await expect(new PgOutboxWriter(t.db).append([])).resolves.toBeUndefined();
  });
});
