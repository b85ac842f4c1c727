import { type CommandRecord, type CommandStatusReader, isTerminal } from '@contextflow/core-infra';

/**
 * A CommandStatusReader over records the test puts in; `waitUntilDone` really waits, and is woken by a
 * `put` that makes the command terminal, like the database notification in production.
 */
export class InMemoryCommandStatusReader implements CommandStatusReader {
  readonly #records = new Map<string, CommandRecord>();
  readonly #waiters = new Map<string, Set<() => void>>();

  /** Stores (or replaces) a record and wakes whoever waits for it. */
  put(record: CommandRecord): void {
    this.#records.set(record.id, record);
    for (const wake of this.#waiters.get(record.id) ?? []) wake();
  }

  async find(id: string): Promise<CommandRecord | null> {
    return this.#records.get(id) ?? null;
  }

  async waitUntilDone(id: string, timeoutMs: number): Promise<CommandRecord | null> {
    const current = this.#records.get(id);
    if (current !== undefined && isTerminal(current.status)) return current;
    await new Promise<void>((resolve) => {
      const waiters = this.#waiters.get(id) ?? new Set<() => void>();
      this.#waiters.set(id, waiters);
      const finish = () => {
        clearTimeout(timer);
        waiters.delete(wake);
        resolve();
      };
      const wake = () => {
        if (isTerminal(this.#records.get(id)?.status ?? 'pending')) finish();
      };
      const timer = setTimeout(finish, timeoutMs);
      waiters.add(wake);
    });
    return this.#records.get(id) ?? null;
  }
}
