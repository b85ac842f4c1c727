// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { Writable } from 'node:stream';
import {
  type Command,
  CommandBus,
  type CommandHandler,
  type DomainEvent,
  type EventHandler,
  token,
  UuidV7Generator,
} from '@contextflow/core';
import {
  checkReadiness,
  CommandStatusReader,
  type ContextModule,
  createLogger,
  Logger,
  withTelemetryContext,
} from '@contextflow/core-infra';
import { OutboxWriter } from '@contextflow/core-infra/db';
import { sql } from 'kysely';
import { inject, injectable } from 'tsyringe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsReadiness } from '../operations/readiness-checks.js';
import {
  createTestDatabase,
  createTestRuntime,
  tearDownRuntime,
  type TestDatabase,
  uniquePrefix,
} from '../testing/index.js';
import type { Runtime } from './runtime.js';

type Mode = 'ok' | 'flaky' | 'broken';
type ProbeCommand = Command<'probe.announce', { key: string; mode: Mode }>;

const ids = new UuidV7Generator();
const calls = new Map<string, number>();
const AnnounceHandler = token<CommandHandler>('test.telemetry.AnnounceHandler');
const LogOnAnnounced = token<EventHandler<DomainEvent>>('test.telemetry.LogOnAnnounced');
const TRACE = '0af7651916cd43dd8448eb211c80319c';

/** Logs, then records an event (or fails as its payload says). */
@injectable()
class Announce implements CommandHandler<ProbeCommand> {
  constructor(
    @inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @inject(Logger) private readonly logger: Logger,
  ) {}

  async handle({ payload: { key, mode } }: ProbeCommand): Promise<void> {
    const n = (calls.get(key) ?? 0) + 1;
    calls.set(key, n);
    this.logger.info({ key }, 'probe handler ran');
    if (mode === 'broken' || (mode === 'flaky' && n < 2)) throw new Error('simulated outage');
    const event = {
      id: ids.next(),
      type: 'probe.announced',
      version: 1,
      occurredAt: new Date().toISOString(),
    };
    await this.outbox.append([{ ...event, aggregateId: key, aggregateVersion: 1, payload: { key } }]);
  }
}

/** The reaction of another context: only logs. */
@injectable()
class LogReaction implements EventHandler<DomainEvent> {
  constructor(@inject(Logger) private readonly logger: Logger) {}

  async handle(event: DomainEvent): Promise<void> {
    this.logger.info({ reactedTo: event.id }, 'probe reaction ran');
  }
}

const probeModule: ContextModule = {
  name: 'probe',
  migrations: {},
  commands: [{ type: 'probe.announce', handler: AnnounceHandler, delivery: 'queued' }],
  queries: [],
  events: [{ name: 'probe.log-on-announced', events: ['probe.announced.v1'], handler: LogOnAnnounced }],
  register(container) {
    container.register(AnnounceHandler, { useClass: Announce });
    container.register(LogOnAnnounced, { useClass: LogReaction });
  },
};

describe('one trace and the metrics across relay, broker, dispatcher and reaction', () => {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    }),
  });
  let database: TestDatabase;
  let runtime: Runtime;

  const send = async (key: string, mode: Mode): Promise<string> => {
    const commandId = ids.next();
    const command: ProbeCommand = {
      type: 'probe.announce',
      payload: { key, mode },
      meta: {
        commandId,
        actor: null,
        correlationId: 'corr-1',
        causationId: 'req-1',
        issuedAt: new Date().toISOString(),
      },
    };
    // As the HTTP kit does: the request's span is the current telemetry context while the command is sent.
    const trace = { traceId: TRACE, spanId: 'b7ad6b7169203331', flags: '01' };
    await withTelemetryContext({ trace, requestId: 'req-1' }, () =>
      runtime.container.resolve<CommandBus>(CommandBus).send(command),
    );
    return commandId;
  };
  const done = (commandId: string) =>
    runtime.container.resolve<CommandStatusReader>(CommandStatusReader).waitUntilDone(commandId, 20_000);
  const scrape = () => runtime.metrics.render();

  beforeAll(async () => {
    ({ runtime, database } = await createTestRuntime({
      modules: [probeModule],
      logger,
      migrate: true,
      namespace: uniquePrefix('tel'),
      retry: { maxAttempts: 2, delaysMs: [100] },
      relay: { idleMs: 500 },
    }));
    await runtime.startWorker({ concurrency: 2 });
    await runtime.startRelay();
  });

  afterAll(async () => {
    await tearDownRuntime(runtime, database);
  });

  it('stores the trace with the command and its outbox row', async () => {
    const commandId = await send('stored', 'ok');
    const { rows } = await sql<{ traceparent: string; headers: Record<string, string> }>`
      select c.traceparent, o.headers from platform.commands c
      join platform.outbox o on o.message_id = c.id where c.id = ${commandId}
    `.execute(runtime.db);
    expect(rows[0]?.traceparent).toMatch(new RegExp(`^00-${TRACE}-b7ad6b7169203331-01$`));
    expect(rows[0]?.headers).toMatchObject({ traceparent: rows[0]?.traceparent, correlationId: 'corr-1' });
    expect((await done(commandId))?.status).toBe('succeeded');
  });

  it('puts the trace id on the relay, dispatcher, handler and reaction lines, and on the event it records', async () => {
    const commandId = await send('traced', 'ok');
    expect((await done(commandId))?.status).toBe('succeeded');
    await expect
      .poll(() =>
        lines.some(
          (line) => line.msg === 'event handled' && line.traceId === TRACE && line.eventId !== undefined,
        ),
      )
      .toBe(true);
    const traced = lines.filter((line) => line.traceId === TRACE);
    const messages = traced.map((line) => line.msg);
    expect(messages).toEqual(
      expect.arrayContaining([
        'outbox message published',
        'probe handler ran',
        'command succeeded',
        'probe reaction ran',
        'event handled',
      ]),
    );
    const handler = traced.find((line) => line.msg === 'probe handler ran' && line.key === 'traced');
    expect(handler).toMatchObject({ correlationId: 'corr-1', causationId: 'req-1' });
    expect(handler?.spanId).not.toBe('b7ad6b7169203331');
    const { rows } = await sql<{ headers: Record<string, string> }>`
      select headers from platform.outbox where kind = 'event' and body -> 'payload' ->> 'key' = 'traced'
    `.execute(runtime.db);
    expect(rows[0]?.headers.traceparent).toBe(`00-${TRACE}-${handler?.spanId as string}-01`);
    expect(rows[0]?.headers).toMatchObject({ correlationId: 'corr-1', causationId: commandId });
  });

  it('counts commands by type and outcome, retries and dead letters, and shows the outbox drained', async () => {
    const flaky = await send('flaky', 'flaky');
    const broken = await send('broken', 'broken');
    expect((await done(flaky))?.status).toBe('succeeded');
    expect((await done(broken))?.status).toBe('failed');
    const queue = runtime.topology.commandQueues.get('probe')!;
    await expect.poll(scrape, { timeout: 10_000 }).toContain('contextflow_outbox_pending_messages 0');
    const text = await scrape();
    expect(text).toMatch(
      /contextflow_command_duration_seconds_count\{type="probe.announce",outcome="succeeded"\} [34]/,
    );
    expect(text).toContain(
      'contextflow_command_duration_seconds_count{type="probe.announce",outcome="failed"} 1',
    );
    expect(text).toContain(`contextflow_message_retries_total{queue="${queue.declaration.queue}"} 2`);
    expect(text).toContain(`contextflow_dead_letter_messages{queue="${queue.deadLetterQueue}"} 1`);
    expect(text).toContain('contextflow_outbox_oldest_pending_age_seconds 0');
    expect(text).toMatch(/contextflow_db_pool_connections\{state="total"\} \d+/);
    expect(text).toContain(`contextflow_message_handlers_in_flight{queue="${queue.declaration.queue}"} 0`);
  });

  it('is ready with database, migrations and broker, and unready once shutdown begins', async () => {
    expect(await checkReadiness(runtime.readinessChecks({ broker: true }))).toEqual({
      failed: [],
      reasons: [],
    });
    const fresh = await createTestDatabase();
    try {
      const { createDatabase } = await import('../database/create-database.js');
      const db = createDatabase({ url: fresh.url, poolSize: 1 });
      const report = await checkReadiness([migrationsReadiness(db, [])]);
      await db.destroy();
      expect(report.failed).toEqual(['migrations']);
    } finally {
      await fresh.drop();
    }
    runtime.beginShutdown();
    expect((await checkReadiness(runtime.readinessChecks())).failed).toEqual(['shutdown']);
  });
});
