import type { AcceptedCommand, Command, CommandBus, CommandHandler } from '@contextflow/core';
import { currentTraceparent } from '@contextflow/core-infra';
import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import type { DependencyContainer } from 'tsyringe';
import type { AcceptOptions, PgCommandStore } from '../commands/pg-command-store.js';
import type { HandlerRegistry } from './handler-registry.js';
import { retryingRaces } from './optimistic-races.js';
import { runInUnitOfWork } from './run-in-unit-of-work.js';

/**
 * {@link CommandBus} of the apps: `send` accepts a queued command durably into `platform.commands` + outbox
 * (the worker runs the handler later; commands sent in the same turn share one statement,
 * `PgCommandStore.send`) and refuses one its registration delivers in-process; `execute` runs the handler now,
 * in-process, in a unit of work of its own (run again when it lost an optimistic race, `retryingRaces`).
 */
export class TransactionalCommandBus implements CommandBus {
  constructor(
    private readonly container: DependencyContainer,
    private readonly db: Kysely<PlatformTables>,
    private readonly store: PgCommandStore,
    private readonly handlers: HandlerRegistry<CommandHandler>,
    /** Command types delivered in-process: never written to `platform.commands`, the outbox or the broker. */
    private readonly inProcess: ReadonlySet<string> = new Set(),
  ) {}

  /**
   * Without an explicit traceparent, the command joins the trace of the request sending it. Rejects a command
   * delivered in-process (a programming error), before anything of it is written.
   */
  async send(command: Command, options: AcceptOptions = {}): Promise<AcceptedCommand> {
    if (this.inProcess.has(command.type)) {
      throw new Error(
        `command type "${command.type}" is delivered in-process: CommandBus.execute runs it, it is never queued`,
      );
    }
    const traceparent = options.traceparent ?? currentTraceparent();
    return this.store.send(command, traceparent === undefined ? options : { ...options, traceparent });
  }

  /** Throws an Error (a programming error) for a command type no module registered. */
  async execute<R = unknown>(command: Command): Promise<R> {
    const handler = this.handlers.get(command.type);
    if (handler === undefined) throw new Error(`no handler is registered for command type "${command.type}"`);
    const traceparent = currentTraceparent();
    const context = {
      correlationId: command.meta.correlationId,
      causationId: command.meta.commandId,
      ...(traceparent === undefined ? {} : { traceparent }),
    };
    return retryingRaces(() =>
      runInUnitOfWork(
        this.container,
        this.db,
        (scope) => scope.resolve(handler).handle(command) as Promise<R>,
        { context },
      ),
    );
  }
}
