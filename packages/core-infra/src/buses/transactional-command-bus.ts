import type { AcceptedCommand, Command, CommandBus, CommandHandler } from '@contextflow/core';
import type { Kysely } from 'kysely';
import type { DependencyContainer } from 'tsyringe';
import type { PlatformTables } from '../db/platform-tables.js';
import type { AcceptOptions, PgCommandStore } from '../commands/pg-command-store.js';
import type { HandlerRegistry } from './handler-registry.js';
import { runInUnitOfWork } from './run-in-unit-of-work.js';

/**
 * {@link CommandBus} of the apps: `send` accepts durably into `platform.commands` + outbox (the worker runs
 * the handler later); `execute` runs the handler now, in-process, in a unit of work of its own.
 */
export class TransactionalCommandBus implements CommandBus {
  constructor(
    private readonly container: DependencyContainer,
    private readonly db: Kysely<PlatformTables>,
    private readonly store: PgCommandStore,
    private readonly handlers: HandlerRegistry<CommandHandler>,
  ) {}

  send(command: Command, options?: AcceptOptions): Promise<AcceptedCommand> {
    return this.store.accept(this.db, command, options);
  }

  /** Throws an Error (a programming error) for a command type no module registered. */
  async execute<R = unknown>(command: Command): Promise<R> {
    const handler = this.handlers.get(command.type);
    if (handler === undefined) throw new Error(`no handler is registered for command type "${command.type}"`);
    const context = { correlationId: command.meta.correlationId, causationId: command.meta.commandId };
    return runInUnitOfWork(
      this.container,
      this.db,
      (scope) => scope.resolve(handler).handle(command) as Promise<R>,
      { context },
    );
  }
}
