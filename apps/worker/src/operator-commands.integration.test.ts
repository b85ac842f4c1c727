// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { type Command, CommandBus, UuidV7Generator } from '@contextflow/core';
import { CommandStatusReader, createLogger } from '@contextflow/core-infra';
import { createRuntime, postgresDatabase, rabbitMqTransport, type Runtime } from '@contextflow/runtime';
import { RabbitMqTransport } from '@contextflow/runtime/messaging';
import {
  buildCommand,
  createTestDatabase,
  tearDownRuntime,
  testAmqpUrl,
  type TestDatabase,
  uniquePrefix,
} from '@contextflow/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeadLettersCommand, parseCli } from './cli.js';
import { runDeadLetters } from './dead-letters.js';
import { migrate } from './migrate.js';
import { modules } from './modules.js';
import { OperatorError } from './operator-error.js';
import type { OperatorIo } from './operator-io.js';
import { runOutboxStatus } from './outbox-status.js';

/** Captures what a command prints: `out` (stdout) and `err` (stderr) lines. */
function capture(): { readonly io: OperatorIo; readonly out: string[]; readonly err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line) => void out.push(line), err: (line) => void err.push(line) }, out, err };
}

describe('worker operator commands (RabbitMQ + PostgreSQL)', () => {
  const logger = createLogger({ level: 'silent' });
  const ids = new UuidV7Generator();
  const namespace = uniquePrefix('ops');
  let database: TestDatabase;
  let runtime: Runtime;
  let transport: RabbitMqTransport;

  const dead = (argv: string[]) => {
    const printed = capture();
    const run = () =>
      runDeadLetters(parseCli(['dead-letters', ...argv]) as DeadLettersCommand, {
        amqpUrl: testAmqpUrl(),
        databaseUrl: database.url,
        namespace,
        modules,
        logger,
        io: printed.io,
      });
    return { io: { lines: printed.out, progress: printed.err }, run };
  };
  const register = (): Command =>
    buildCommand('users.register-user', {
      userId: ids.next(),
      email: `${ids.next()}@example.com`,
      name: 'Grace Hopper',
    });
  /** Accepts a command (row + outbox), then puts its message in the dead-letter queue as the broker would. */
  const acceptAndKill = async (command: Command): Promise<void> => {
    await runtime.container.resolve<CommandBus>(CommandBus).send(command);
    await transport.publish({
      exchange: runtime.topology.names.deadLetterExchange,
      routingKey: runtime.topology.commandQueues.get('users')!.declaration.queue,
      messageId: command.meta.commandId,
      type: command.type,
      body: command,
      headers: {
        'x-first-death-queue': runtime.topology.commandQueues.get('users')!.declaration.queue,
        'x-first-death-reason': 'delivery_limit',
      },
    });
  };
  /** The failure recorded for a message, once the recorder has it. */
  const failure = async (messageId: string) => {
    const row = () =>
      runtime.db
        .selectFrom('platform.failures')
        .select(['reason', 'status'])
        .where('message_id', '=', messageId)
        .executeTakeFirst();
    await expect.poll(row, { timeout: 10_000 }).toBeDefined();
    return row();
  };
  const status = (id: string) => runtime.container.resolve<CommandStatusReader>(CommandStatusReader).find(id);

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrate({ databaseUrl: database.url, modules, logger });
    // Consumers and the reconciler, but no outbox relay: the outbox keeps what the tests accept.
    runtime = await createRuntime({
      database: postgresDatabase({ url: database.url }),
      transport: rabbitMqTransport({ url: testAmqpUrl() }),
      modules,
      logger,
      namespace,
    });
    await runtime.startWorker({ concurrency: 2 });
    transport = new RabbitMqTransport({ url: testAmqpUrl(), logger });
    await transport.ready();
  });

  afterAll(async () => {
    await tearDownRuntime(runtime, database);
    await transport?.close();
  });

  it('lists, shows and redrives a dead command, which then runs and succeeds', async () => {
    const command = register();
    await acceptAndKill(command);
    const id = command.meta.commandId;
    // The reconciler fails the command the broker gave up, and the status reader says why.
    await expect.poll(async () => (await status(id))?.status, { timeout: 20_000 }).toBe('failed');
    expect((await status(id))?.error).toMatchObject({ code: 'commands.dead_lettered' });

    const list = dead(['list']);
    expect(await list.run()).toBe(0);
    expect(list.io.lines[0]).toMatch(/^ID\s+TYPE\s+DIED IN\s+REASON\s+COUNT\s+AGE$/);
    expect(list.io.lines[1]).toMatch(
      new RegExp(`^${id}\\s+users.register-user\\s+${namespace}users.commands\\s+delivery_limit\\s+1\\s+-$`),
    );

    const show = dead(['show', id]);
    expect(await show.run()).toBe(0);
    expect(JSON.parse(show.io.lines.join('\n'))).toMatchObject({
      messageId: id,
      headers: { 'x-first-death-reason': 'delivery_limit' },
      body: { type: 'users.register-user', meta: { commandId: id } },
    });

    const redrive = dead(['redrive', id]);
    expect(await redrive.run()).toBe(0);
    expect(redrive.io.progress).toEqual(['redriven 1/1', 'redriven 1 dead letter']);
    await expect.poll(async () => (await status(id))?.status, { timeout: 20_000 }).toBe('succeeded');
    const after = dead(['list']);
    await after.run();
    expect(after.io.lines).toEqual(['no dead letters']);
    // The failure recorded from the dead-letter exchange's copy is marked retried by the same code path.
    expect(await failure(id)).toMatchObject({ reason: 'delivery_limit', status: 'retried' });
  });

  it('purges a dead letter by id, says which ids it did not find, and exits 1 for them', async () => {
    const kept = register();
    const purged = register();
    await acceptAndKill(kept);
    await acceptAndKill(purged);
    const missing = '01900000-0000-7000-8000-0000000000ff';

    const purge = dead(['purge', purged.meta.commandId, missing]);
    expect(await purge.run()).toBe(1);
    expect(purge.io.progress).toContain('purged 1 dead letter');
    expect(purge.io.progress).toContain(`not found: ${missing}`);

    const list = dead(['list', '--queue', `${namespace}users.commands`]);
    await list.run();
    expect(list.io.lines).toHaveLength(2);
    expect(list.io.lines[1]).toContain(kept.meta.commandId);
    expect(await failure(purged.meta.commandId)).toMatchObject({ status: 'purged' });
    expect(await failure(kept.meta.commandId)).toMatchObject({ status: 'dead' });

    const all = dead(['purge', '--all']);
    expect(await all.run()).toBe(0);
    const empty = dead(['list']);
    await empty.run();
    expect(empty.io.lines).toEqual(['no dead letters']);
  });

  it('refuses a queue the topology does not know, and a message id it does not hold', async () => {
    await expect(dead(['list', '--queue', 'nope']).run()).rejects.toThrow(/no dead-letter queue for "nope"/);
    await expect(dead(['show', '01900000-0000-7000-8000-0000000000ee']).run()).rejects.toThrow(OperatorError);
  });

  it('reports the outbox backlog the relay has not published', async () => {
    // No relay runs here: the three commands accepted above are still in the outbox, with the event the
    // redriven one recorded when it succeeded.
    const { io, out } = capture();
    expect(await runOutboxStatus({ databaseUrl: database.url, io })).toBe(0);
    expect(out[0]).toMatch(/^KIND\s+PENDING\s+OLDEST\s+RETRIED$/);
    expect(out[1]).toMatch(/^command\s+3\s+\d+[smhd]\s+0$/);
    expect(out[2]).toMatch(/^event\s+1\s+\d+[smhd]\s+0$/);
    expect(out[3]).toMatch(/^all\s+4\s+/);
  });

  it('fails with one line when PostgreSQL cannot be reached', async () => {
    const { io } = capture();
    await expect(
      runOutboxStatus({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', io }),
    ).rejects.toThrow(/^cannot query PostgreSQL: .*ECONNREFUSED/);
  });
});
