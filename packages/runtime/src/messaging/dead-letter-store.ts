import type { DeathRecord } from './dead-letter-death.js';

/** A message resting in a dead-letter queue. */
export interface DeadLetter {
  /** Its message id (the command or event id); `undefined` for a message published without one. */
  readonly messageId: string | undefined;
  readonly type: string | undefined;
  /** The dead-letter queue it rests in. */
  readonly deadLetterQueue: string;
  /** Where, why, how often and when it died; `undefined` when it carries no death headers. */
  readonly death: DeathRecord | undefined;
  readonly correlationId: string | undefined;
  readonly headers: Readonly<Record<string, unknown>>;
  /** The body parsed as JSON, or its text when it is not JSON. */
  readonly body: unknown;
}

/** Which dead letters an operation acts on. */
export interface DeadLetterSelection {
  /** Message ids (every copy of each, in every selected queue); absent → all of them. */
  readonly ids?: readonly string[] | undefined;
  /** One work queue or its dead-letter queue (`users.commands` or `users.commands.dlq`); absent → every one. */
  readonly queue?: string | undefined;
  /** Called after each message acted on, with how many so far and how many there were at the start. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/** What a redrive or a purge did. */
export interface DeadLetterResult {
  /** Messages redriven (or purged). */
  readonly done: number;
  /** Ids asked for that no selected dead-letter queue holds. */
  readonly missing: readonly string[];
  /** Messages left in their dead-letter queue, and why. */
  readonly failed: readonly { readonly messageId: string | undefined; readonly reason: string }[];
}

/**
 * Wraps the publish of one redriven copy: resolve after calling `publish` to go ahead (the dead letter is then
 * acked), reject to leave it where it is. The worker reopens a dead command in a transaction around it. A
 * store may run several at once, one per dead letter.
 */
export type RedriveHook = (letter: DeadLetter, publish: () => Promise<void>) => Promise<void>;

/**
 * The dead-letter queues as operators act on them: RabbitMQ's (`RabbitMqDeadLetters`). The queues are the
 * source of truth for redelivery: a redrive publishes what a dead-letter queue holds, never a stored copy.
 */
export interface DeadLetterStore {
  /** Waits until the broker is reachable; rejects after `timeoutMs`. */
  ready(timeoutMs?: number): Promise<void>;
  /** Republishes the selected dead letters to the work queues they died in, acking each once confirmed. */
  redrive(selection: DeadLetterSelection & { readonly hook?: RedriveHook }): Promise<DeadLetterResult>;
  /** Deletes the selected dead letters. */
  purge(selection: DeadLetterSelection): Promise<DeadLetterResult>;
  /** Closes its connection. */
  close(): Promise<void>;
}
