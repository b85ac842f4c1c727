import type { Query } from './messages.js';
import { token } from './token.js';

/** Hands queries to their handlers; no broker, no transaction beyond the read. */
export interface QueryBus {
  /** Returns the handler's answer or throws its `AppError`; an unknown query type is a programming error. */
  ask<R = unknown>(query: Query): Promise<R>;
}

/** Token of {@link QueryBus}. */
export const QueryBus = token<QueryBus>('core.QueryBus');
