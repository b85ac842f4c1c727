import type { Command } from './messages.js';
import { token } from './token.js';

/** What the bus answers when it has durably accepted a command. */
export interface AcceptedCommand {
  readonly commandId: string;
  /** True when an earlier command with the same caller and idempotency key was returned instead. */
  readonly replayed: boolean;
  /** The accepted command's payload as stored: on a replay, the first command's (with its generated ids). */
  readonly payload?: unknown;
}

/** How a command is accepted. */
export interface SendOptions {
  /** W3C traceparent of the request, carried with the command to its handler. */
  readonly traceparent?: string;
  /**
   * What identifies the request for `Idempotency-Key` replays; the payload by default. A route whose payload
   * holds values the server generated per request (ids, salted hashes) passes the client's input instead —
   * never a secret: the fingerprint's hash is stored.
   */
  readonly fingerprint?: unknown;
}

/** Hands commands to their handlers. */
export interface CommandBus {
  /**
   * Accepts a command durably for asynchronous processing and returns at once. The same caller and
   * idempotency key return the first command (`replayed`); a different request under that key throws an
   * `invalid` AppError (`commands.idempotency_key_reused`). A key without an actor is ignored: anonymous
   * callers share no key scope.
   */
  send(command: Command, options?: SendOptions): Promise<AcceptedCommand>;
  /** Runs a command in-process, in one transaction, and returns the handler's result or throws its error. */
  execute<R = unknown>(command: Command): Promise<R>;
}

/** Token of {@link CommandBus}. */
export const CommandBus = token<CommandBus>('core.CommandBus');
