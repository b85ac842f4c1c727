// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { AppError, type Command, type CommandHandler, token } from '@contextflow/core';
import {
  type ContextModule,
  FailureActionTypes,
  type FailureFilter,
  MAX_ATTEMPTS,
} from '@contextflow/core-infra';
import { Db, type PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import type { DependencyContainer } from 'tsyringe';
import { z } from 'zod';
import type { ActionProgress, FailureActions } from './failure-actions.js';

/** Opens the operator actions of a runtime; `undefined` when its transport has no dead-letter queues to act on. */
export interface FailureActionsSource {
  open(): FailureActions | undefined;
}

/** Token of {@link FailureActionsSource} (the runtime registers it). */
export const FailureActionsSource = token<FailureActionsSource>('runtime.FailureActionsSource');

const Filter = z
  .object({
    ids: z.array(z.string()).max(10_000).optional(),
    queue: z.string().optional(),
    type: z.string().optional(),
    fingerprint: z.string().optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
    minAttempts: z.number().int().min(0).max(MAX_ATTEMPTS).optional(),
    maxAttempts: z.number().int().min(0).max(MAX_ATTEMPTS).optional(),
  })
  .strict();

/** Payload of `operations.retry-failures`. */
export const RetryFailuresPayload = z.object({
  filter: Filter,
  ratePerSecond: z.number().positive().max(10_000).optional(),
});
/** Payload of `operations.purge-failures`. */
export const PurgeFailuresPayload = z.object({ filter: Filter });

type ActionCommand = Command<string, { filter: FailureFilter; ratePerSecond?: number }>;

const RetryFailuresHandler = token<CommandHandler>('runtime.RetryFailuresHandler');
const PurgeFailuresHandler = token<CommandHandler>('runtime.PurgeFailuresHandler');

/** What an action did: messages done, not found in their queues, and left for another reason (with why). */
export interface ActionOutcome {
  readonly done: number;
  readonly missing: number;
  readonly failed: number;
  readonly reasons: readonly string[];
}

/**
 * Runs one operator action as a command: its progress goes to `platform.command_progress` outside the unit of
 * work (so `GET /commands/{id}` shows it while it runs), and a run after a worker restart picks up where the
 * last one stopped: what was retried or purged is no longer `dead`, so only the rest is selected again.
 */
class FailureActionHandler implements CommandHandler<ActionCommand> {
  constructor(
    readonly db: Kysely<PlatformTables>,
    readonly source: () => FailureActionsSource,
    readonly action: 'retry' | 'purge',
  ) {}

  async handle(command: ActionCommand): Promise<ActionOutcome> {
    const actions = this.source().open();
    if (actions === undefined)
      throw AppError.invalid(
        'operations.no_dead_letter_queues',
        'This runtime’s transport keeps no dead-letter queues operators can act on (it needs RabbitMQ).',
      );
    const commandId = command.meta.commandId;
    const before = await this.db
      .selectFrom('platform.command_progress')
      .select('done')
      .where('command_id', '=', commandId)
      .executeTakeFirst();
    const earlier = before?.done ?? 0;
    const report = throttled((progress: ActionProgress) =>
      this.#write(commandId, { ...progress, done: earlier + progress.done, total: earlier + progress.total }),
    );
    try {
      await actions.store.ready(10_000);
      const { filter, ratePerSecond } = command.payload;
      const result =
        this.action === 'retry'
          ? await actions.retryFailures(filter, { ratePerSecond, onProgress: report })
          : await actions.purgeFailures(filter, { onProgress: report });
      await report.flush();
      return {
        done: earlier + result.done,
        missing: result.missing.length,
        failed: result.failed.length,
        reasons: result.failed
          .slice(0, 20)
          .map((failure) => `${failure.messageId ?? '(no id)'}: ${failure.reason}`),
      };
    } finally {
      await actions.close();
    }
  }

  async #write(commandId: string, progress: ActionProgress): Promise<void> {
    const row = { ...progress, updated_at: new Date() };
    await this.db
      .insertInto('platform.command_progress')
      .values({ command_id: commandId, ...row })
      .onConflict((conflict) => conflict.column('command_id').doUpdateSet(row))
      .execute();
  }
}

/**
 * At most four writes a second, the last one always written (by `flush`), one at a time: a redrive reports
 * from several messages at once, and an older count must not land after a newer one.
 */
function throttled(write: (progress: ActionProgress) => Promise<void>) {
  let last = 0;
  let pending: ActionProgress | undefined;
  let writing: Promise<void> = Promise.resolve();
  const enqueue = (progress: ActionProgress): Promise<void> => {
    const written = writing.catch(() => undefined).then(() => write(progress));
    writing = written;
    return written;
  };
  const report = async (progress: ActionProgress) => {
    pending = progress;
    const now = performance.now();
    if (now - last < 250 && progress.done + progress.failed < progress.total) return;
    last = now;
    pending = undefined;
    await enqueue(progress);
  };
  report.flush = async () => {
    if (pending !== undefined) await enqueue(pending);
    pending = undefined;
    await writing;
  };
  return report;
}

/**
 * The platform's `operations` module: the operator actions on recorded failures (retry at a rate, purge) as
 * queued commands, so each is accepted durably, run by a worker, survives a restart and stays in
 * `platform.commands` as the audit trail of who asked what and when. Both apps list it: the HTTP app to accept
 * the commands, the worker to run them.
 */
export const failuresModule: ContextModule = Object.freeze<ContextModule>({
  name: 'operations',
  migrations: {},
  commands: [
    {
      type: FailureActionTypes.retry,
      handler: RetryFailuresHandler,
      delivery: 'queued',
      payload: RetryFailuresPayload,
    },
    {
      type: FailureActionTypes.purge,
      handler: PurgeFailuresHandler,
      delivery: 'queued',
      payload: PurgeFailuresPayload,
    },
  ],
  queries: [],
  events: [],
  register(container: DependencyContainer) {
    // The root handle, not a unit of work's: progress must be seen while the action runs.
    const db = container.resolve<Kysely<PlatformTables>>(Db);
    const source = () => container.resolve<FailureActionsSource>(FailureActionsSource);
    container.register(RetryFailuresHandler, { useValue: new FailureActionHandler(db, source, 'retry') });
    container.register(PurgeFailuresHandler, { useValue: new FailureActionHandler(db, source, 'purge') });
  },
});
