import {
  type Command,
  type CommandHandler,
  type DomainEvent,
  type ProcessContext,
  type ProcessManager,
  UuidV7Generator,
} from '@contextflow/core';
import { type ContextModule, type HttpEnv, Logger } from '@contextflow/core-infra';
import { Db } from '@contextflow/core-infra/db';
import { sendCommand } from '@contextflow/http-kit';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { DependencyContainer } from 'tsyringe';

// Written for Node's type stripping as well as vitest: the fault suite's child workers load this file as is.

/** The one command type of the probe context. */
export const PROBE_COMMAND = 'probe.apply';

/**
 * The bearer token of the fault suite's HTTP client. The client is signed in because only a caller's own
 * `Idempotency-Key` is kept (an anonymous one is ignored), and the requests a kill left unanswered are found by
 * their keys.
 */
export const PROBE_TOKEN = 'fault-suite-client';

/**
 * Payload of a probe command: how long the handler holds its transaction after writing its effect (on every
 * worker, or only on the one named `sleepOn`), and whether it always throws (on every worker, or only on the
 * one named `failOn`).
 */
export interface ProbePayload {
  readonly sleepMs?: number;
  readonly sleepOn?: string;
  readonly poison?: boolean;
  readonly failOn?: string;
}

/** What a probe handler logs once its effect is written and it starts holding its transaction open. */
export const PROBE_HOLDING = 'probe effect written; holding the transaction';

/** The probe's table, as Kysely sees it. */
export interface ProbeTables {
  'probe.effects': { command_id: string; worker: string };
}

const HANDLER = Symbol('ProbeHandler');
const ECHO = Symbol('ProbeEcho');

/** The event the probe's process reacts to (routing key `probe.pinged.v1`). */
export const PROBE_PINGED = 'probe.pinged';

/** The probe's process: one instance per ping's aggregate id. */
export const PROBE_PROCESS = 'probe.echo';

/**
 * A process that answers each ping with a probe command of a fresh id: a ping handled twice would send two
 * commands, so two effect rows, for one instance.
 */
class ProbeEcho implements ProcessManager<{ readonly pinged: string }> {
  readonly ids = new UuidV7Generator();

  correlate(event: DomainEvent): string {
    return event.aggregateId;
  }

  async react(event: DomainEvent, process: ProcessContext<{ readonly pinged: string }>): Promise<void> {
    process.save({ pinged: event.id });
    const commandId = this.ids.next();
    process.send({
      type: PROBE_COMMAND,
      payload: {},
      meta: {
        commandId,
        actor: null,
        correlationId: process.correlationId,
        causationId: event.id,
        issuedAt: new Date().toISOString(),
      },
    });
  }
}

/**
 * Records one effect row per run in `probe.effects`, a table WITHOUT a unique constraint: an effect applied
 * twice is visible as two rows for one command id.
 */
class ProbeHandler implements CommandHandler<Command<string, ProbePayload>, null> {
  readonly db: Kysely<ProbeTables>;
  readonly worker: string;
  readonly logger: Logger;

  constructor(db: Kysely<ProbeTables>, worker: string, logger: Logger) {
    this.db = db;
    this.worker = worker;
    this.logger = logger;
  }

  async handle(command: Command<string, ProbePayload>): Promise<null> {
    const { sleepMs = 0, sleepOn, poison = false, failOn } = command.payload ?? {};
    const commandId = command.meta.commandId;
    await this.db
      .insertInto('probe.effects')
      .values({ command_id: commandId, worker: this.worker })
      .execute();
    if (sleepMs > 0 && (sleepOn === undefined || sleepOn === this.worker)) {
      // Tests wait for this line to freeze, stop or kill the worker while the effect is uncommitted.
      this.logger.info({ probeCommandId: commandId, sleepMs }, PROBE_HOLDING);
      await new Promise((resolve) => setTimeout(resolve, sleepMs));
    }
    if (poison || failOn === this.worker) throw new Error('probe handler always fails');
    return null;
  }
}

/** A context whose handler makes every effect countable; `worker` names the process in each effect row. */
export function probeModule(worker = 'in-process'): ContextModule {
  return {
    name: 'probe',
    migrations: {
      '0001_effects': {
        async up(db: Kysely<unknown>) {
          await db.schema.createSchema('probe').ifNotExists().execute();
          await db.schema
            .createTable('probe.effects')
            .addColumn('command_id', 'text', (column) => column.notNull())
            .addColumn('worker', 'text', (column) => column.notNull())
            .execute();
        },
      },
    },
    commands: [{ type: PROBE_COMMAND, handler: HANDLER, delivery: 'queued' }],
    queries: [],
    events: [],
    processes: [{ name: PROBE_PROCESS, events: [`${PROBE_PINGED}.v1`], timeouts: [], manager: ECHO }],
    routes() {
      // The HTTP side of the probe: `POST /probe` accepts a probe command the way every command route does.
      const app = new OpenAPIHono<HttpEnv>();
      app.post('/probe', async (c) => sendCommand(c, PROBE_COMMAND, await c.req.json<ProbePayload>()));
      return app;
    },
    register(container: DependencyContainer) {
      container.register(ECHO, { useValue: new ProbeEcho() });
      container.register(HANDLER, {
        useFactory: (scope) =>
          new ProbeHandler(scope.resolve<Kysely<ProbeTables>>(Db), worker, scope.resolve(Logger)),
      });
    },
  };
}
