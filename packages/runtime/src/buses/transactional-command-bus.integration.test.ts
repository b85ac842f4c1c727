// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { AppError, type Command, CommandBus, type CommandHandler, QueryBus } from '@contextflow/core';
import type { ContextModule } from '@contextflow/core-infra';
import { Db, OutboxWriter, type PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import { container as rootContainer, inject, injectable } from 'tsyringe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationSet } from '../database/migrate.js';
import { PgNotificationListener } from '../database/pg-notification-listener.js';
import { buildCommand } from '../testing/build-command.js';
import { type OpenTestDatabase, openTestDatabase } from '../testing/open-test-database.js';
import { RACE_ATTEMPTS } from './optimistic-races.js';
import { registerPlatform } from './register-platform.js';
import { RegistryQueryBus } from './registry-query-bus.js';
import { runInUnitOfWork } from './run-in-unit-of-work.js';

interface WidgetTables extends PlatformTables {
  'widgets.widgets': { id: string; name: string };
}

const widgetMigrations: MigrationSet = {
  schema: 'widgets',
  migrations: {
    '0001_widgets': {
      async up(db) {
        await db.schema
          .createTable('widgets.widgets')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('name', 'text', (col) => col.notNull())
          .execute();
      },
    },
  },
};

type MakeWidget = Command<
  'widgets.make-widget',
  { id: string; name: string; failAfterWrite?: boolean; losesRaces?: number }
>;

/** Runs of the handler, by widget id. */
const runs = new Map<string, number>();

/** Writes the widget and its event, then fails on request: the bus must roll both back. */
@injectable()
class MakeWidgetHandler implements CommandHandler<MakeWidget, { id: string }> {
  constructor(
    @inject(Db) private readonly db: Kysely<WidgetTables>,
    @inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async handle(command: MakeWidget): Promise<{ id: string }> {
    const { id, name, failAfterWrite, losesRaces = 0 } = command.payload;
    const run = (runs.get(id) ?? 0) + 1;
    runs.set(id, run);
    await this.db.insertInto('widgets.widgets').values({ id, name }).execute();
    if (run <= losesRaces) throw AppError.concurrency('widgets.raced', 'Another writer saved first.');
    await this.outbox.append([
      {
        id: `01900000-0000-7000-8000-${id.padStart(12, '0')}`,
        type: 'widgets.widget-made',
        version: 1,
        occurredAt: new Date().toISOString(),
        aggregateId: id,
        aggregateVersion: 1,
        payload: { name },
      },
    ]);
    if (failAfterWrite === true) throw AppError.conflict('widgets.rejected', 'Rejected after writing.');
    return { id };
  }
}

const widgetsModule: ContextModule = {
  name: 'widgets',
  // Applied by openTestDatabase below; only the handlers matter to the buses.
  migrations: {},
  commands: [
    { type: 'widgets.make-widget', handler: MakeWidgetHandler, delivery: 'queued' },
    // In-process by declaration (it would carry a secret): never queued, whoever asks.
    { type: 'widgets.unlock-safe', handler: MakeWidgetHandler, delivery: 'in-process' },
  ],
  queries: [],
  events: [],
  register: (container) => container.register(MakeWidgetHandler, { useClass: MakeWidgetHandler }),
};

describe('TransactionalCommandBus and runInUnitOfWork', () => {
  let t: OpenTestDatabase;
  let listener: PgNotificationListener;
  const container = rootContainer.createChildContainer();
  beforeAll(async () => {
    t = await openTestDatabase([widgetMigrations]);
    listener = new PgNotificationListener({ url: t.url });
    registerPlatform(container, { db: t.db, notifications: listener, modules: [widgetsModule] });
    widgetsModule.register(container);
  });
  afterAll(async () => {
    await listener.close();
    await t.close();
  });

  const widget = (id: string) =>
    (t.db as Kysely<WidgetTables>)
      .selectFrom('widgets.widgets')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  const eventOf = (id: string) =>
    t.db
      .selectFrom('platform.outbox')
      .selectAll()
      .where('message_id', '=', `01900000-0000-7000-8000-${id.padStart(12, '0')}`)
      .executeTakeFirst();

  it('executes a command in-process and commits its writes and events', async () => {
    const bus = container.resolve<CommandBus>(CommandBus);
    const command = buildCommand('widgets.make-widget', { id: '1', name: 'One' });
    await expect(bus.execute(command)).resolves.toEqual({ id: '1' });
    expect(await widget('1')).toEqual({ id: '1', name: 'One' });
    expect(await eventOf('1')).toMatchObject({
      kind: 'event',
      routing_key: 'widgets.widget-made.v1',
      headers: { correlationId: command.meta.correlationId, causationId: command.meta.commandId },
    });
  });

  it('rolls back every write of a failing command and rethrows its error unchanged', async () => {
    const bus = container.resolve<CommandBus>(CommandBus);
    const error: unknown = await bus
      .execute(buildCommand('widgets.make-widget', { id: '2', name: 'Two', failAfterWrite: true }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'conflict', code: 'widgets.rejected' });
    expect(await widget('2')).toBeUndefined();
    expect(await eventOf('2')).toBeUndefined();
  });

  it('runs an in-process command that lost an optimistic race again, in a unit of work of its own', async () => {
    const bus = container.resolve<CommandBus>(CommandBus);
    const command = buildCommand('widgets.make-widget', { id: '30', name: 'Raced', losesRaces: 2 });
    await expect(bus.execute(command)).resolves.toEqual({ id: '30' });
    expect(runs.get('30')).toBe(3);
    expect(await widget('30')).toEqual({ id: '30', name: 'Raced' });
  });

  it('gives up on a command that keeps losing races, after the one race policy’s runs', async () => {
    const bus = container.resolve<CommandBus>(CommandBus);
    const command = buildCommand('widgets.make-widget', { id: '31', name: 'Lost', losesRaces: 99 });
    await expect(bus.execute(command)).rejects.toMatchObject({ kind: 'concurrency', code: 'widgets.raced' });
    expect(runs.get('31')).toBe(RACE_ATTEMPTS);
    expect(await widget('31')).toBeUndefined();
  });

  it('throws for a command type without a handler', async () => {
    const bus = container.resolve<CommandBus>(CommandBus);
    await expect(bus.execute(buildCommand('widgets.unknown', {}))).rejects.toThrow(
      'no handler is registered for command type "widgets.unknown"',
    );
  });

  it('sends a command durably without running it', async () => {
    const bus = container.resolve<CommandBus>(CommandBus);
    const command = buildCommand('widgets.make-widget', { id: '3', name: 'Three' });
    await expect(bus.send(command)).resolves.toEqual({
      commandId: command.meta.commandId,
      replayed: false,
      payload: command.payload,
    });
    expect(await widget('3')).toBeUndefined();
    const row = await t.db
      .selectFrom('platform.commands')
      .select('status')
      .where('id', '=', command.meta.commandId)
      .executeTakeFirst();
    expect(row).toEqual({ status: 'pending' });
  });

  it('refuses to queue a command its registration delivers in-process, and writes nothing of it', async () => {
    const bus = container.resolve<CommandBus>(CommandBus);
    const command = buildCommand('widgets.unlock-safe', { id: '4', name: 'combination 1234' });
    await expect(bus.send(command)).rejects.toThrow(
      'command type "widgets.unlock-safe" is delivered in-process: CommandBus.execute runs it, it is never queued',
    );
    const rows = await Promise.all([
      t.db.selectFrom('platform.commands').select('id').where('id', '=', command.meta.commandId).execute(),
      t.db
        .selectFrom('platform.outbox')
        .select('seq')
        .where('message_id', '=', command.meta.commandId)
        .execute(),
    ]);
    expect(rows).toEqual([[], []]);
  });

  it('gives the unit of work a scope whose Db is its transaction, leaving the root untouched', async () => {
    const seen = await runInUnitOfWork(container, t.db, (scope, trx) => {
      const scoped = scope.resolve(Db);
      return Promise.resolve({ isTrx: scoped === trx, rootIsDb: container.resolve(Db) === t.db });
    });
    expect(seen).toEqual({ isTrx: true, rootIsDb: true });
  });

  it('registers the query bus', () => {
    expect(container.resolve<QueryBus>(QueryBus)).toBeInstanceOf(RegistryQueryBus);
  });
});
