import type { Query, QueryBus } from '@contextflow/core';

/** Answers a query from the function given for its type. */
export type QueryStub = (query: Query) => unknown;

/** A QueryBus for HTTP tests: each query type answered by a function; an unknown type is a test bug. */
export class StubQueryBus implements QueryBus {
  constructor(private readonly stubs: Readonly<Record<string, QueryStub>> = {}) {}

  async ask<R>(query: Query): Promise<R> {
    const stub = this.stubs[query.type];
    if (stub === undefined) throw new Error(`StubQueryBus has no answer for ${query.type}`);
    return (await stub(query)) as R;
  }
}
