// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { MessageScheduler, UuidV7Generator } from '@contextflow/core';
import { createLogger } from '@contextflow/core-infra';
import { createRuntime, postgresDatabase, type Runtime } from '@contextflow/runtime';
import { buildCommand, createTestDatabase, type TestDatabase } from '@contextflow/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCli, type ProcessesCommand, type SchedulesCommand } from './cli.js';
import type { OperatorIo } from './operator-io.js';
import { runProcesses } from './processes.js';
import { runSchedules } from './schedules.js';

function capture(): { readonly io: OperatorIo; readonly out: string[]; readonly err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line) => void out.push(line), err: (line) => void err.push(line) }, out, err };
}

describe('worker schedules and processes commands (PostgreSQL)', () => {
  const ids = new UuidV7Generator();
  let database: TestDatabase;
  let runtime: Runtime;

  const schedules = async (argv: string[]) => {
    const printed = capture();
    const code = await runSchedules(parseCli(['schedules', ...argv]) as SchedulesCommand, {
      databaseUrl: database.url,
      io: printed.io,
    });
    return { code, ...printed };
  };
  const processes = async (argv: string[]) => {
    const printed = capture();
    const code = await runProcesses(parseCli(['processes', ...argv]) as ProcessesCommand, {
      databaseUrl: database.url,
      io: printed.io,
    });
    return { code, ...printed };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    runtime = await createRuntime({
      database: postgresDatabase({ url: database.url }),
      modules: [],
      logger: createLogger({ level: 'silent' }),
      migrate: true,
    });
  });
  afterAll(async () => {
    await runtime?.stop({ deadlineMs: 5_000 });
    await database?.drop();
  });

  it('lists the scheduled messages soonest first and cancels one by key, once', async () => {
    const scheduler = runtime.container.resolve<MessageScheduler>(MessageScheduler);
    await scheduler.scheduleCommand(
      'ops:later',
      new Date('2031-01-02T00:00:00Z'),
      buildCommand('x.later', {}),
    );
    await scheduler.scheduleCommand(
      'ops:sooner',
      new Date('2031-01-01T00:00:00Z'),
      buildCommand('x.sooner', {}),
    );
    const listed = await schedules(['list']);
    expect(listed.code).toBe(0);
    expect(listed.out[0]).toMatch(/^KEY\s+KIND\s+TYPE\s+DUE$/);
    expect(listed.out[1]).toMatch(/^ops:sooner\s+command\s+x\.sooner\s+2031-01-01T00:00:00\.000Z$/);
    expect(listed.out[2]).toMatch(/^ops:later\s+/);

    expect(await schedules(['cancel', 'ops:sooner'])).toMatchObject({
      code: 0,
      out: ['cancelled ops:sooner'],
    });
    expect((await schedules(['cancel', 'ops:sooner'])).code).toBe(1);
    expect((await schedules(['list'])).out.slice(1)).toHaveLength(1);
  });

  it('lists running processes (completed ones with --all) and shows an instance with its state', async () => {
    const running = ids.next();
    const done = ids.next();
    await runtime.db
      .insertInto('platform.processes')
      .values([
        {
          process: 'ops.reminder',
          correlation_id: running,
          status: 'running',
          state: '{"step":1}',
          version: 1,
        },
        { process: 'ops.reminder', correlation_id: done, status: 'completed', state: '{}', version: 3 },
      ])
      .execute();
    const listed = await processes(['list']);
    expect(listed.out.slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^ops\\.reminder\\s+${running}\\s+running\\s+1`)),
    ]);
    expect((await processes(['list', '--all'])).out.slice(1)).toHaveLength(2);
    const shown = await processes(['show', running]);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('  state    {"step":1}');
    expect((await processes(['show', 'nobody'])).code).toBe(1);
  });
});
