import type { AcceptedCommand, Command, CommandBus } from '@contextflow/core';

/** Runs an in-process command in place of its handler, for HTTP tests. */
export type CommandStub = (command: Command) => unknown;

/**
 * A CommandBus for HTTP tests: keeps every accepted command in `sent` and replays the first command for the
 * same caller and idempotency key, as the real bus does, and refuses to queue a command delivered in-process.
 * `execute` records the command in `executed` and answers with its stub; without one it throws.
 */
export class RecordingCommandBus implements CommandBus {
  readonly sent: Command[] = [];
  readonly executed: Command[] = [];
  readonly #byKey = new Map<string, string>();

  constructor(
    private readonly stubs: Readonly<Record<string, CommandStub>> = {},
    /** Command types delivered in-process (their registrations say so): `send` refuses them. */
    private readonly inProcess: ReadonlySet<string> = new Set(),
  ) {}

  async send(command: Command): Promise<AcceptedCommand> {
    if (this.inProcess.has(command.type)) {
      throw new Error(
        `command type "${command.type}" is delivered in-process: CommandBus.execute runs it, it is never queued`,
      );
    }
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
    const stub = this.stubs[command.type];
    if (stub === undefined) throw new Error(`RecordingCommandBus has no stub for ${command.type}`);
    this.executed.push(command);
    return (await stub(command)) as R;
  }
}
