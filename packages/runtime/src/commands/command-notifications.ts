// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { CHANNELS, NotificationListener } from '@contextflow/core-infra/db';
import { inject, injectable } from 'tsyringe';

/** A pending wait for one command; `cancel` it when done, whatever happened. */
export interface CommandWake {
  /**
   * Resolves `true` when the command was reported done, or when the listening connection was re-established
   * (a report may have been missed: re-check), and `false` after `timeoutMs` without either.
   */
  until(timeoutMs: number): Promise<boolean>;
  cancel(): void;
}

/**
 * Fans `cf_command_done` notifications out to waiters by command id. One per process (register it as a
 * singleton): it LISTENs once, lazily, on the shared {@link NotificationListener}, which reconnects.
 */
@injectable()
export class CommandNotifications {
  readonly #waiters = new Map<string, Set<() => void>>();
  #started: Promise<unknown> | null = null;

  constructor(@inject(NotificationListener) private readonly listener: NotificationListener) {}

  /**
   * Registers interest in a command. Resolves once the channel is listened to, so a completion committed
   * after this resolves is never missed; read the status after it, not before.
   */
  async subscribe(commandId: string): Promise<CommandWake> {
    await this.#start();
    let wake!: () => void;
    const woken = new Promise<true>((resolve) => {
      wake = () => resolve(true);
    });
    const waiters = this.#waiters.get(commandId) ?? new Set<() => void>();
    this.#waiters.set(commandId, waiters.add(wake));
    const cancel = () => {
      waiters.delete(wake);
      if (waiters.size === 0 && this.#waiters.get(commandId) === waiters) this.#waiters.delete(commandId);
    };
    const until = async (timeoutMs: number): Promise<boolean> => {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), Math.max(0, timeoutMs));
      });
      try {
        return await Promise.race([woken, timedOut]);
      } finally {
        clearTimeout(timer);
      }
    };
    return { until, cancel };
  }

  #start(): Promise<unknown> {
    this.#started ??= this.listener
      .listen(CHANNELS.commandDone, (commandId) => this.#wake(this.#waiters.get(commandId)), {
        onReconnect: () => {
          for (const waiters of this.#waiters.values()) this.#wake(waiters);
        },
      })
      .catch((error: unknown) => {
        this.#started = null;
        throw error;
      });
    return this.#started;
  }

  #wake(waiters: ReadonlySet<() => void> | undefined): void {
    for (const wake of waiters ?? []) wake();
  }
}
