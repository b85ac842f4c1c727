import type { CommandBus, Principal, QueryBus } from '@contextflow/core';
import type { DependencyContainer } from 'tsyringe';

/** What the HTTP kit puts on every request's context before a route runs. */
export interface HttpVariables {
  /** The request id (`X-Request-Id` in and out); also the causation id of commands it sends. */
  requestId: string;
  /** Carried from `X-Correlation-Id` when the client sent one, otherwise the request id. */
  correlationId: string;
  /** The authenticated caller, or `null`; set by the auth middleware, required by the route guard. */
  principal: Principal | null;
  /** The application container; routes resolve what they need from it. */
  container: DependencyContainer;
  commandBus: CommandBus;
  queryBus: QueryBus;
}

/** Hono environment of every contextflow app and module sub-app. */
export interface HttpEnv {
  Variables: HttpVariables;
}
