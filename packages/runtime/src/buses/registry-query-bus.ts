import type { Query, QueryBus, QueryHandler } from '@contextflow/core';
import type { DependencyContainer } from 'tsyringe';
import type { HandlerRegistry } from './handler-registry.js';

/** {@link QueryBus} that resolves each query's handler from the app container (root `Db`, no transaction). */
export class RegistryQueryBus implements QueryBus {
  constructor(
    private readonly container: DependencyContainer,
    private readonly handlers: HandlerRegistry<QueryHandler>,
  ) {}

  /** Throws an Error (a programming error) for a query type no module registered. */
  async ask<R = unknown>(query: Query): Promise<R> {
    const handler = this.handlers.get(query.type);
    if (handler === undefined) throw new Error(`no handler is registered for query type "${query.type}"`);
    return (await this.container.resolve(handler).handle(query)) as R;
  }
}
