import type { Principal } from './principal.js';

/** Metadata every command carries, from the edge that accepted it to the handler that runs it. */
export interface CommandMetadata {
  /** Server-generated UUIDv7; also the message id on the broker. */
  readonly commandId: string;
  /** Who asked; `null` for anonymous callers (registration). */
  readonly actor: Principal | null;
  /** Shared by everything one request set in motion. */
  readonly correlationId: string;
  /** The id of the message that caused this one (the request id at the edge). */
  readonly causationId: string;
  readonly idempotencyKey?: string;
  /** ISO 8601 UTC. */
  readonly issuedAt: string;
}

/** An intent to change state: plain readonly data with a stable wire type (`users.rename-user`). */
export interface Command<TType extends string = string, TPayload = unknown> {
  readonly type: TType;
  readonly payload: TPayload;
  readonly meta: CommandMetadata;
}

/** A question about state; never changes it. */
export interface Query<TType extends string = string, TParams = unknown> {
  readonly type: TType;
  readonly params: TParams;
  readonly actor: Principal | null;
}

/** Runs one command type. Throws an `AppError` for a rule violation; anything else is retried. */
export interface CommandHandler<C extends Command = Command, R = unknown> {
  handle(command: C): Promise<R>;
}

/** Answers one query type. Throws an `AppError` (`not_found`, `forbidden`, ...) when it cannot answer. */
export interface QueryHandler<Q extends Query = Query, R = unknown> {
  handle(query: Q): Promise<R>;
}

/** Reacts to one or more integration event types; must be safe to run again for the same event. */
export interface EventHandler<E = unknown> {
  handle(event: E): Promise<void>;
}
