// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import {
  type Command,
  type CommandHandler,
  type DomainEvent,
  MessageScheduler,
  type ProcessContext,
  type ProcessManager,
  token,
  UuidV7Generator,
} from '@contextflow/core';
import type { ContextModule } from '@contextflow/core-infra';
import { Db } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';
import { inject, injectable } from 'tsyringe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseFactory } from '../../database/runtime-database.js';
import type { Topology } from '../../messaging/topology.js';
import type { TransportFactory } from '../../messaging/transport-factory.js';
import { buildCommand } from '../build-command.js';
import { startTestHarness, type TestHarness } from '../test-harness.js';
import { uniquePrefix } from '../unique-prefix.js';

const ids = new UuidV7Generator();
const HOUR = 3_600_000;
const NudgeHandler = token<CommandHandler>('test.saga.NudgeHandler');
const Reminder = token<ProcessManager>('test.saga.Reminder');

interface Tables {
  'saga.nudges': { account_id: string };
}

/** Records each nudge: a second one for the same account would show a double fire. */
@injectable()
class RecordNudge implements CommandHandler<Command<'saga.nudge', { accountId: string }>> {
  constructor(@inject(Db) private readonly db: Kysely<Tables>) {}

  async handle({ payload }: Command<'saga.nudge', { accountId: string }>): Promise<void> {
    await this.db.insertInto('saga.nudges').values({ account_id: payload.accountId }).execute();
  }
}

/** Nudges an account once, a day after it opened, unless it was confirmed first. */
class NudgeUnconfirmed implements ProcessManager<{ opened: string }> {
  correlate(event: DomainEvent): string | undefined {
    return event.aggregateId;
  }

  async react(event: DomainEvent, process: ProcessContext<{ opened: string }>): Promise<void> {
    if (event.type === 'saga.account-opened') {
      process.save({ opened: event.occurredAt });
      process.schedule('remind', { afterMs: 24 * HOUR });
    } else if (event.type === 'saga.account-confirmed') {
      process.complete();
    } else if (event.type === 'saga.nudge-unconfirmed.remind') {
      process.send(
        buildCommand(
          'saga.nudge',
          { accountId: process.correlationId },
          { correlationId: process.correlationId },
        ),
      );
      process.complete();
    }
  }
}

const sagaModule: ContextModule = {
  name: 'saga',
  migrations: {
    '0001_nudges': {
      async up(db: Kysely<unknown>) {
        await sql`create table saga.nudges (account_id text not null)`.execute(db);
      },
    },
  },
  commands: [{ type: 'saga.nudge', handler: NudgeHandler, delivery: 'queued' }],
  queries: [],
  events: [],
  processes: [
    {
      name: 'saga.nudge-unconfirmed',
      events: ['saga.account-opened.v1', 'saga.account-confirmed.v1'],
      timeouts: ['remind'],
      manager: Reminder,
    },
  ],
  register(container) {
    container.register(NudgeHandler, { useClass: RecordNudge });
    container.register(Reminder, { useValue: new NudgeUnconfirmed() });
  },
};

const accountEvent = (type: string, accountId: string): DomainEvent => ({
  id: ids.next(),
  type,
  version: 1,
  occurredAt: new Date().toISOString(),
  aggregateId: accountId,
  aggregateVersion: 1,
  payload: {},
});

/** How {@link processContract} makes the runtime under test. */
export interface ProcessHarness {
  /** A fresh, empty database (the suite migrates it). */
  database(): Promise<DatabaseFactory>;
  transport(): TransportFactory;
  /** Removes what the suite left behind once it is done (its broker objects, its database). */
  cleanUp?(topology: Topology): Promise<void>;
}

/**
 * What scheduled messages and process managers promise on a database and transport, through the test harness:
 * a timeout fires once when due on the clock and never before, a later event cancels it, a redelivered event
 * has one effect, and a command scheduled from outside a unit of work (a route) is accepted when due. The same
 * suite runs on PostgreSQL + RabbitMQ (this package) and PGlite + the in-process broker (`@contextflow/embedded`).
 */
export function processContract(name: string, setup: ProcessHarness): void {
  describe(`${name} keeps the scheduled-message and process contract`, () => {
    let harness: TestHarness;

    beforeAll(async () => {
      harness = await startTestHarness({
        database: await setup.database(),
        transport: setup.transport(),
        namespace: uniquePrefix('process'),
        modules: [sagaModule],
      });
    });
    afterAll(async () => {
      await harness?.stop();
      if (harness !== undefined) await setup.cleanUp?.(harness.runtime.topology);
    });

    const nudges = async (accountId: string) =>
      (
        await sql<{
          n: string;
        }>`select count(*) as n from saga.nudges where account_id = ${accountId}`.execute(harness.runtime.db)
      ).rows[0]?.n;
    const instance = (accountId: string) =>
      harness.runtime.db
        .selectFrom('platform.processes')
        .select(['status', 'version'])
        .where('correlation_id', '=', accountId)
        .executeTakeFirst();

    it('starts on an event, sleeps through its timeout on the test clock, sends its command once and completes', async () => {
      const account = ids.next();
      await harness.publish(accountEvent('saga.account-opened', account));
      expect(await instance(account)).toEqual({ status: 'running', version: 1 });
      await harness.advance(23 * HOUR);
      expect(await nudges(account)).toBe('0');
      await harness.advance(HOUR);
      expect(await nudges(account)).toBe('1');
      expect(await instance(account)).toEqual({ status: 'completed', version: 2 });
      await harness.advance(48 * HOUR);
      expect(await nudges(account)).toBe('1');
    });

    it('is cancelled by a later event: the timeout never fires', async () => {
      const account = ids.next();
      await harness.publish(accountEvent('saga.account-opened', account));
      await harness.publish(accountEvent('saga.account-confirmed', account));
      await harness.advance(48 * HOUR);
      expect(await nudges(account)).toBe('0');
      expect(await instance(account)).toEqual({ status: 'completed', version: 2 });
      const timers = await harness.runtime.db
        .selectFrom('platform.scheduled_messages')
        .select('key')
        .where('key', 'like', `%${account}%`)
        .execute();
      expect(timers).toEqual([]);
    });

    it('has one effect for a redelivered event', async () => {
      const account = ids.next();
      const opened = accountEvent('saga.account-opened', account);
      await harness.publish(opened);
      // As if the relay crashed between the broker's confirm and marking the row sent: published again.
      await harness.runtime.db
        .updateTable('platform.outbox')
        .set({ sent_at: null })
        .where('message_id', '=', opened.id)
        .execute();
      await sql`select pg_notify('cf_outbox', '')`.execute(harness.runtime.db);
      await harness.settle();
      expect(
        await harness.runtime.db
          .selectFrom('platform.outbox')
          .select('publish_attempts')
          .where('message_id', '=', opened.id)
          .executeTakeFirst(),
      ).toEqual({ publish_attempts: 2 });
      expect(await instance(account)).toEqual({ status: 'running', version: 1 });
      await harness.advance(24 * HOUR);
      expect(await nudges(account)).toBe('1');
    });

    it('accepts a command scheduled from a route when it is due, and not before', async () => {
      const account = ids.next();
      const scheduler = harness.runtime.container.resolve<MessageScheduler>(MessageScheduler);
      await scheduler.scheduleCommand(
        `saga:route:${account}`,
        { afterMs: HOUR },
        buildCommand('saga.nudge', { accountId: account }),
      );
      await harness.advance(HOUR - 1);
      expect(await nudges(account)).toBe('0');
      await harness.advance(1);
      expect(await nudges(account)).toBe('1');
      expect(await scheduler.cancel(`saga:route:${account}`)).toBe(false);
    });
  });
}
