import type { CommandHandler, QueryHandler } from '@contextflow/core';
import type { ContextModule } from '@contextflow/core-infra';
import type { InjectionToken } from 'tsyringe';

/** Handler tokens by message type. */
export type HandlerRegistry<H> = ReadonlyMap<string, InjectionToken<H>>;

/** The command handlers of these modules by command type; throws when two modules claim one type. */
export function commandHandlers(modules: readonly ContextModule[]): HandlerRegistry<CommandHandler> {
  return collect(
    modules.flatMap((module) => module.commands),
    'command',
  );
}

/** The command types of these modules that are delivered in-process (never queued). */
export function inProcessCommands(modules: readonly ContextModule[]): ReadonlySet<string> {
  return new Set(
    modules.flatMap((module) =>
      module.commands.filter((command) => command.delivery === 'in-process').map(({ type }) => type),
    ),
  );
}

/** The query handlers of these modules by query type; throws when two modules claim one type. */
export function queryHandlers(modules: readonly ContextModule[]): HandlerRegistry<QueryHandler> {
  return collect(
    modules.flatMap((module) => module.queries),
    'query',
  );
}

function collect<H>(
  registrations: readonly { type: string; handler: InjectionToken<H> }[],
  kind: string,
): HandlerRegistry<H> {
  const registry = new Map<string, InjectionToken<H>>();
  for (const { type, handler } of registrations) {
    if (registry.has(type)) throw new Error(`${kind} type "${type}" is registered twice`);
    registry.set(type, handler);
  }
  return registry;
}
