// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { CommandBus, QueryBus } from '@contextflow/core';
import { createLogger, type Logger } from '@contextflow/core-infra';
import { container, type DependencyContainer } from 'tsyringe';

/**
 * A child container with just enough of the platform for the HTTP app to start without a database: a
 * CommandBus that accepts everything and a QueryBus that knows nothing.
 */
export function fakePlatform(): { container: DependencyContainer; logger: Logger } {
  const child = container.createChildContainer();
  child.registerInstance(CommandBus, {
    send: async (command) => ({ commandId: command.meta.commandId, replayed: false }),
    execute: async () => {
      throw new Error('not in this test');
    },
  } satisfies CommandBus);
  child.registerInstance(QueryBus, {
    ask: async (query) => {
      throw new Error(`no handler for ${query.type} in this test`);
    },
  } satisfies QueryBus);
  return { container: child, logger: createLogger({ level: 'silent' }) };
}
