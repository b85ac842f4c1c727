import type { AcceptedCommand, Command, CommandBus } from '@contextflow/core';

/**
 * A CommandBus for HTTP tests: keeps every accepted command in `sent` and replays the first command for the
 * same caller and idempotency key, as the real bus does. `execute` runs nothing and throws.
 */
export class RecordingCommandBus implements CommandBus {
  readonly sent: Command[] = [];
  readonly #byKey = new Map<string, string>();

  async send(command: Command): Promise<AcceptedCommand> {
    const { idempotencyKey, actor, commandId } = command.meta;
    const key =
      idempotencyKey === undefined ? undefined : `${actor?.userId ?? 'anonymous'}:${idempotencyKey}`;
    const first = key === undefined ? undefined : this.#byKey.get(key);
    if (first !== undefined) return { commandId: first, replayed: true };
    if (key !== undefined) this.#byKey.set(key, commandId);
    this.sent.push(command);
    return { commandId, replayed: false };
  }

  async execute<R>(command: Command): Promise<R> {
    throw new Error(`RecordingCommandBus does not execute commands (${command.type})`);
  }
}
