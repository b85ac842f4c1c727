// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import type { Query, QueryHandler } from '@contextflow/core';
import { container as globalContainer } from 'tsyringe';
import { describe, expect, it } from 'vitest';
import { RegistryQueryBus } from './registry-query-bus.js';

class EchoHandler implements QueryHandler {
  constructor(private readonly prefix: string) {}

  handle(query: Query): Promise<unknown> {
    return Promise.resolve(`${this.prefix}:${String(query.params)}`);
  }
}

const query = (type: string, params: unknown): Query => ({ type, params, actor: null });

describe('RegistryQueryBus', () => {
  const container = globalContainer.createChildContainer();
  const first = Symbol('first');
  const second = Symbol('second');
  container.register(first, { useValue: new EchoHandler('first') });
  container.register(second, { useValue: new EchoHandler('second') });
  const bus = new RegistryQueryBus(
    container,
    new Map([
      ['t.first', first],
      ['t.second', second],
    ]),
  );

  it('routes each query to the handler of its type', async () => {
    await expect(bus.ask(query('t.first', 1))).resolves.toBe('first:1');
    await expect(bus.ask(query('t.second', 2))).resolves.toBe('second:2');
  });

  it('throws for a query type without a handler', async () => {
    await expect(bus.ask(query('t.unknown', 0))).rejects.toThrow(
      'no handler is registered for query type "t.unknown"',
    );
  });
});
