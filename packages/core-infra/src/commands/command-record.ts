import { token } from '@contextflow/core';
import type { ProblemDetails } from '../problems/problem.js';

/** Life cycle of an accepted command. */
export type CommandStatus = 'pending' | 'processing' | 'succeeded' | 'failed';

/** What the platform knows about one accepted command. */
export interface CommandRecord {
  readonly id: string;
  readonly type: string;
  readonly status: CommandStatus;
  /** The handler's result once `succeeded`. */
  readonly result: unknown;
  /** Why it `failed`. */
  readonly error: ProblemDetails | null;
  /** The user who issued it, `null` for anonymous callers. */
  readonly issuedBy: string | null;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** How far a long-running command (an operator action) got; absent for the others. */
  readonly progress?: CommandProgress | undefined;
}

/** How far a long-running command got: items done, failed (left as they were) and in all. */
export interface CommandProgress {
  readonly done: number;
  readonly failed: number;
  readonly total: number;
  /** ISO 8601 UTC. */
  readonly updatedAt: string;
}

/** Whether a command has reached a status it never leaves. */
export function isTerminal(status: CommandStatus): boolean {
  return status === 'succeeded' || status === 'failed';
}

/** Reads the status of accepted commands. */
export interface CommandStatusReader {
  /** The command, or `null` when no command has this id. */
  find(id: string): Promise<CommandRecord | null>;
  /**
   * Waits until the command is terminal or `timeoutMs` passes, woken by a database notification (no sleep
   * loop), and returns its latest record; `null` when no command has this id.
   */
  waitUntilDone(id: string, timeoutMs: number): Promise<CommandRecord | null>;
}

/** Token of {@link CommandStatusReader}. */
export const CommandStatusReader = token<CommandStatusReader>('core-infra.CommandStatusReader');
