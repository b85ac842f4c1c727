import type { Command } from './messages.js';
import { token } from './token.js';

/** What the bus answers when it has durably accepted a command. */
export interface AcceptedCommand {
  readonly commandId: string;
  /** True when an earlier command with the same caller and idempotency key was returned instead. */
  readonly replayed: boolean;
}

/** Hands commands to their handlers. */
export interface CommandBus {
  /**
   * Accepts a command durably for asynchronous processing and returns at once. The same caller and
   * idempotency key return the first command (`replayed`); a different payload under that key throws an
   * `invalid` AppError (`commands.idempotency_key_reused`).
   */
  send(command: Command): Promise<AcceptedCommand>;
  /** Runs a command in-process, in one transaction, and returns the handler's result or throws its error. */
  execute<R = unknown>(command: Command): Promise<R>;
}

/** Token of {@link CommandBus}. */
export const CommandBus = token<CommandBus>('core.CommandBus');
