import { SystemClock } from '@contextflow/core';
import { problem } from '@contextflow/core-infra';
import { CHANNELS } from '@contextflow/core-infra/db';
import { sql } from 'kysely';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommand } from '../testing/build-command.js';
import { type OpenTestDatabase, openTestDatabase } from '../testing/open-test-database.js';
import { CommandLedger } from './command-ledger.js';
import { PgCommandStore } from './pg-command-store.js';
import { reopenDeadCommands } from './reopen-dead-commands.js';

describe('CommandLedger', () => {
  let t: OpenTestDatabase;
  let ledger: CommandLedger;
  let store: PgCommandStore;
  beforeAll(async () => {
    t = await openTestDatabase();
    ledger = new CommandLedger(new SystemClock());
    store = new PgCommandStore(t.db, new SystemClock());
  });
  afterAll(() => t.close());

  const accepted = async (): Promise<string> => {
    const { commandId } = await store.send(buildCommand('widgets.make-widget', { size: 1 }));
    return commandId;
  };
  const rowOf = (id: string) =>
    t.db.selectFrom('platform.commands').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const inTransaction = <T>(work: (trx: typeof t.db) => Promise<T>) => t.db.transaction().execute(work);

  it('begins a pending command: processing, one attempt more', async () => {
    const id = await accepted();
    const begun = await inTransaction((trx) => ledger.begin(trx, id));
    expect(begun.run).toBe(true);
    expect(begun.record).toMatchObject({ id, status: 'processing', type: 'widgets.make-widget' });
    expect(await rowOf(id)).toMatchObject({ status: 'processing', attempts: 1 });
  });

  it('begins a processing command again after a crash (redelivery)', async () => {
    const id = await accepted();
    await inTransaction((trx) => ledger.begin(trx, id));
    await expect(inTransaction((trx) => ledger.begin(trx, id))).resolves.toMatchObject({ run: true });
    expect(await rowOf(id)).toMatchObject({ attempts: 2 });
  });

  it('records success with its result', async () => {
    const id = await accepted();
    await inTransaction(async (trx) => {
      await ledger.begin(trx, id);
      await ledger.succeed(trx, id, { widgetId: 'w-1' });
    });
    expect(await rowOf(id)).toMatchObject({ status: 'succeeded', result: { widgetId: 'w-1' }, error: null });
  });

  it('appends the outbox rows the handler recorded with the success, in order, only for an open command', async () => {
    const id = await accepted();
    const rows = ['01900000-0000-7000-8000-00000000a001', '01900000-0000-7000-8000-00000000a002'].map(
      (messageId, n) => ({
        message_id: messageId,
        kind: 'event' as const,
        routing_key: `widgets.widget-made.v${n + 1}`,
        body: JSON.stringify({ n }),
        headers: JSON.stringify({ causationId: id }),
      }),
    );
    const outboxOf = (ids: string[]) =>
      t.db
        .selectFrom('platform.outbox')
        .select(['message_id', 'routing_key', 'body', 'headers', 'sent_at'])
        .where('message_id', 'in', ids)
        .orderBy('seq')
        .execute();
    const listener = new Client({ connectionString: t.url });
    await listener.connect();
    const notified: string[] = [];
    listener.on('notification', (n) => void notified.push(`${n.channel}:${n.payload}`));
    await listener.query(`listen ${CHANNELS.outbox}; listen ${CHANNELS.commandDone}`);
    try {
      const acceptedAt = await inTransaction(async (trx) => {
        await ledger.begin(trx, id);
        return ledger.succeed(trx, id, { made: 2 }, rows);
      });
      expect(acceptedAt).toBeInstanceOf(Date);
      await expect.poll(() => notified.length).toBe(2);
    } finally {
      await listener.end();
    }
    // The relay is woken (once) and whoever waits for the command is told.
    expect(notified.toSorted()).toEqual([`${CHANNELS.commandDone}:${id}`, `${CHANNELS.outbox}:`]);
    expect(await rowOf(id)).toMatchObject({ status: 'succeeded', result: { made: 2 } });
    expect(await outboxOf(rows.map((row) => row.message_id))).toEqual(
      rows.map((row, n) => ({
        message_id: row.message_id,
        routing_key: row.routing_key,
        body: { n },
        headers: { causationId: id },
        sent_at: null,
      })),
    );

    // A command that is not open any more appends nothing: its outcome was already recorded.
    const late = [{ ...rows[0]!, message_id: '01900000-0000-7000-8000-00000000a003' }];
    await expect(inTransaction((trx) => ledger.succeed(trx, id, 'again', late))).resolves.toBeUndefined();
    expect(await outboxOf(['01900000-0000-7000-8000-00000000a003'])).toEqual([]);
    expect(await rowOf(id)).toMatchObject({ result: { made: 2 } });
  });

  it('stores an undefined result as null', async () => {
    const id = await accepted();
    await inTransaction(async (trx) => {
      await ledger.begin(trx, id);
      await ledger.succeed(trx, id, undefined);
    });
    expect(await rowOf(id)).toMatchObject({ status: 'succeeded', result: null });
  });

  it('records failure with its problem', async () => {
    const id = await accepted();
    const reason = problem(409, 'widgets.taken', 'That widget is taken.');
    await inTransaction(async (trx) => {
      await ledger.begin(trx, id);
      await ledger.fail(trx, id, reason);
    });
    expect(await rowOf(id)).toMatchObject({ status: 'failed', error: reason, result: null });
  });

  it('does not run a terminal command again', async () => {
    const id = await accepted();
    await inTransaction(async (trx) => {
      await ledger.begin(trx, id);
      await ledger.succeed(trx, id, 1);
    });
    const again = await inTransaction((trx) => ledger.begin(trx, id));
    expect(again).toMatchObject({ run: false, record: { id, status: 'succeeded', result: 1 } });
    expect(await rowOf(id)).toMatchObject({ attempts: 1 });
  });

  it('runs a dead command that a redrive reopens while the delivery of its copy waits', async () => {
    const id = await accepted();
    await ledger.failOutsideHandler(t.db, id, problem(500, 'commands.dead_lettered', 'Dead-lettered.'));
    let commitReopen!: () => void;
    const reopenHeld = new Promise<void>((resolve) => {
      commitReopen = resolve;
    });
    // The redrive: reopens the command and holds its transaction open (as while the broker confirms the copy).
    const redrive = inTransaction(async (trx) => {
      expect(await reopenDeadCommands(trx, [id])).toEqual([id]);
      await reopenHeld;
    });
    await expect.poll(async () => (await rowOf(id)).status).toBe('failed');
    const delivery = inTransaction((trx) => ledger.begin(trx, id));
    // The delivery must wait for the redrive's row lock instead of reading the command `failed` and moving on.
    await expect
      .poll(async () => {
        const { rows } = await sql<{ waiting: number }>`
          select count(*)::int as waiting from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`.execute(t.db);
        return rows[0]?.waiting;
      })
      .toBe(1);
    commitReopen();
    await redrive;
    await expect(delivery).resolves.toMatchObject({ run: true, record: { id, status: 'processing' } });
    expect(await rowOf(id)).toMatchObject({ status: 'processing', error: null, attempts: 1 });
  });

  it('does not run an unknown command', async () => {
    const unknown = '01900000-0000-7000-8000-000000000000';
    await expect(inTransaction((trx) => ledger.begin(trx, unknown))).resolves.toEqual({
      run: false,
      record: null,
    });
  });

  it('rolls the status back with the handler transaction', async () => {
    const id = await accepted();
    await expect(
      inTransaction(async (trx) => {
        await ledger.begin(trx, id);
        await ledger.succeed(trx, id, 'x');
        throw new Error('handler failed after all');
      }),
    ).rejects.toThrow('handler failed after all');
    expect(await rowOf(id)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('fails a command outside a handler, once', async () => {
    const id = await accepted();
    const deadLettered = problem(500, 'commands.processing_failed', 'Gave up.');
    await ledger.failOutsideHandler(t.db, id, deadLettered);
    expect(await rowOf(id)).toMatchObject({ status: 'failed', error: deadLettered });
    await ledger.failOutsideHandler(t.db, id, problem(500, 'other', 'Other.'));
    expect(await rowOf(id)).toMatchObject({ error: deadLettered });
  });

  it('leaves a succeeded command alone when failing it outside a handler', async () => {
    const id = await accepted();
    await inTransaction(async (trx) => {
      await ledger.begin(trx, id);
      await ledger.succeed(trx, id, 'done');
    });
    await ledger.failOutsideHandler(t.db, id, problem(500, 'late', 'Late.'));
    expect(await rowOf(id)).toMatchObject({ status: 'succeeded', result: 'done', error: null });
  });
});
