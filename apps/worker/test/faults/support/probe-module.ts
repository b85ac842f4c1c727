import type { Command, CommandHandler } from '@contextflow/core';
import type { ContextModule } from '@contextflow/core-infra';
import { Db } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import type { DependencyContainer } from 'tsyringe';

// Written for Node's type stripping as well as vitest: the fault suite's child workers load this file as is.

/** The one command type of the probe context. */
export const PROBE_COMMAND = 'probe.apply';

/** Payload of a probe command: how long the handler holds its transaction, and whether it always throws. */
export interface ProbePayload {
  readonly sleepMs?: number;
  readonly poison?: boolean;
}

/** The probe's table, as Kysely sees it. */
export interface ProbeTables {
  'probe.effects': { command_id: string; worker: string };
}

const HANDLER = Symbol('ProbeHandler');

/**
 * Records one effect row per run in `probe.effects`, a table WITHOUT a unique constraint: an effect applied
 * twice is visible as two rows for one command id.
 */
class ProbeHandler implements CommandHandler<Command<string, ProbePayload>, null> {
  readonly db: Kysely<ProbeTables>;
  readonly worker: string;

  constructor(db: Kysely<ProbeTables>, worker: string) {
    this.db = db;
    this.worker = worker;
  }

  async handle(command: Command<string, ProbePayload>): Promise<null> {
    const { sleepMs = 0, poison = false } = command.payload ?? {};
    await this.db
      .insertInto('probe.effects')
      .values({ command_id: command.meta.commandId, worker: this.worker })
      .execute();
    if (sleepMs > 0) await new Promise((resolve) => setTimeout(resolve, sleepMs));
    if (poison) throw new Error('probe handler always fails');
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
    commands: [{ type: PROBE_COMMAND, handler: HANDLER }],
    queries: [],
    events: [],
    register(container: DependencyContainer) {
      container.register(HANDLER, {
        useFactory: (scope) => new ProbeHandler(scope.resolve<Kysely<ProbeTables>>(Db), worker),
      });
    },
  };
}
