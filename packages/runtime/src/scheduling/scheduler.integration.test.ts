import { type DomainEvent, SystemClock, UuidV7Generator } from '@contextflow/core';
import { FixedClock } from '@contextflow/core/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgNotificationListener } from '../database/pg-notification-listener.js';
import { buildCommand } from '../testing/build-command.js';
import { type OpenTestDatabase, openTestDatabase } from '../testing/open-test-database.js';
import { PgMessageScheduler } from './pg-message-scheduler.js';
import { Scheduler } from './scheduler.js';
import { Metrics } from '@contextflow/core-infra';
import { registerSchedulingMetrics } from '../operations/scheduling-metrics.js';

const ids = new UuidV7Generator();
const logger = pino({ level: 'silent' });
const event = (): DomainEvent => ({
  id: ids.next(),
  type: 'widgets.widget-expired',
  version: 1,
  occurredAt: '2026-03-01T12:00:00.000Z',
  aggregateId: 'w-1',
  aggregateVersion: 1,
  payload: {},
});

describe('scheduled messages', () => {
  let t: OpenTestDatabase;
  const clock = new FixedClock('2026-03-01T12:00:00.000Z');
  let scheduler: PgMessageScheduler;
  const firer = (batchSize = 500) => new Scheduler({ db: t.db, clock, logger, batchSize });

  beforeAll(async () => {
    t = await openTestDatabase();
    scheduler = new PgMessageScheduler(t.db, clock, { correlationId: 'corr-1', causationId: 'cause-1' });
  });
  afterAll(() => t.close());

  const outbox = (messageId: string) =>
    t.db.selectFrom('platform.outbox').selectAll().where('message_id', '=', messageId).execute();
  const pending = (key: string) =>
    t.db.selectFrom('platform.scheduled_messages').selectAll().where('key', '=', key).execute();

  it('hands an event to the outbox once it is due, not before, with the context that scheduled it', async () => {
    const due = event();
    await scheduler.scheduleEvent('test:event-due', { afterMs: 60_000 }, due);
    clock.advance(59_999);
    await firer().fireDue();
    expect(await outbox(due.id)).toEqual([]);
    clock.advance(1);
    await firer().fireDue();
    expect(await outbox(due.id)).toMatchObject([
      {
        kind: 'event',
        routing_key: 'widgets.widget-expired.v1',
        body: due,
        headers: { correlationId: 'corr-1', causationId: 'cause-1' },
      },
    ]);
    expect(await pending('test:event-due')).toEqual([]);
  });

  it('accepts a due command as the bus would: a pending command row and its outbox message', async () => {
    const command = buildCommand('widgets.expire-widget', { id: 'w-1' });
    await scheduler.scheduleCommand('test:command-due', clock.now(), command);
    await firer().fireDue();
    const row = await t.db
      .selectFrom('platform.commands')
      .select(['status', 'type'])
      .where('id', '=', command.meta.commandId)
      .executeTakeFirst();
    expect(row).toEqual({ status: 'pending', type: 'widgets.expire-widget' });
    expect(await outbox(command.meta.commandId)).toMatchObject([
      { kind: 'command', routing_key: 'widgets.expire-widget', body: command },
    ]);
    // The same command scheduled again (its id is taken): handed over as nothing, not a second time.
    await scheduler.scheduleCommand('test:command-again', clock.now(), command);
    expect(await firer().fireDue()).toBe(1);
    expect(await outbox(command.meta.commandId)).toHaveLength(1);
  });

  it('schedules nothing when the unit of work that scheduled rolls back', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await new PgMessageScheduler(trx, clock).scheduleEvent('test:rolled-back', clock.now(), event());
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await pending('test:rolled-back')).toEqual([]);
  });

  it('replaces the message pending under a key, cancels it, and treats a cancel after firing as a no-op', async () => {
    const first = event();
    const second = event();
    await scheduler.scheduleEvent('test:replaced', { afterMs: 1_000 }, first);
    await scheduler.scheduleEvent('test:replaced', { afterMs: 2_000 }, second);
    expect(await pending('test:replaced')).toMatchObject([{ message_id: second.id }]);
    expect(await scheduler.cancel('test:replaced')).toBe(true);
    clock.advance(5_000);
    await firer().fireDue();
    expect([...(await outbox(first.id)), ...(await outbox(second.id))]).toEqual([]);

    const fired = event();
    await scheduler.scheduleEvent('test:fired', clock.now(), fired);
    await firer().fireDue();
    expect(await scheduler.cancel('test:fired')).toBe(false);
    expect(await outbox(fired.id)).toHaveLength(1);
  });

  it('fires each due message exactly once when several schedulers compete', async () => {
    const events = Array.from({ length: 300 }, event);
    for (const [i, due] of events.entries())
      await scheduler.scheduleEvent(`test:race-${i}`, clock.now(), due);
    const fired = await Promise.all([firer(25).fireDue(), firer(25).fireDue(), firer(25).fireDue()]);
    expect(fired.reduce((a, b) => a + b, 0)).toBe(300);
    const rows = await t.db
      .selectFrom('platform.outbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(
        'message_id',
        'in',
        events.map((due) => due.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(300);
  });

  it('wakes on the notification of a new message and sleeps until it is due, without polling', async () => {
    const notifications = new PgNotificationListener({ url: t.url, logger });
    const live = new Scheduler({
      db: t.db,
      clock: new SystemClock(),
      logger,
      notifications,
      maxSleepMs: 60_000,
    });
    await live.start();
    try {
      const due = event();
      const scheduledAt = Date.now();
      await new PgMessageScheduler(t.db, new SystemClock()).scheduleEvent('test:live', { afterMs: 300 }, due);
      await expect.poll(() => outbox(due.id), { timeout: 5_000, interval: 20 }).toHaveLength(1);
      expect(Date.now() - scheduledAt).toBeGreaterThanOrEqual(300);
    } finally {
      await live.stop();
      await notifications.close();
    }
  });

  it('reports the due messages not handed over, the oldest lag and the running processes as metrics', async () => {
    const metrics = new Metrics({ processMetrics: false });
    registerSchedulingMetrics(metrics, t.db);
    const late = new PgMessageScheduler(t.db, new SystemClock());
    await late.scheduleEvent('test:late-1', new Date(Date.now() - 90_000), event());
    await late.scheduleEvent('test:late-2', new Date(Date.now() - 10_000), event());
    await late.scheduleEvent('test:future', { afterMs: 3_600_000 }, event());
    await t.db
      .insertInto('platform.processes')
      .values({ process: 'test.reminder', correlation_id: 'c-1', status: 'running', state: '{}', version: 1 })
      .execute();
    const text = await metrics.render();
    expect(text).toMatch(/^contextflow_scheduled_due_messages 2$/m);
    const lag = Number(/^contextflow_scheduled_oldest_due_lag_seconds (\S+)$/m.exec(text)?.[1]);
    expect(lag).toBeGreaterThanOrEqual(90);
    expect(text).toMatch(/^contextflow_processes_running\{process="test.reminder"\} 1$/m);
  });
});
