import type { NotificationListener, Unlisten } from '@contextflow/core-infra/db';
import { WakeSignal } from './wake-signal.js';

/**
 * A loop that runs in the background until stopped, sleeping on a {@link WakeSignal} that a notification
 * channel wakes (and wakes again after the listener reconnected: a notification may have been missed). What
 * the outbox relay and the scheduler share; the loop body checks {@link stopped} and sleeps on {@link signal}.
 */
export class BackgroundLoop {
  readonly signal = new WakeSignal();
  readonly #body: () => Promise<void>;
  #unlisten: Unlisten | undefined;
  #loop: Promise<void> | undefined;
  #stopped = false;

  constructor(body: () => Promise<void>) {
    this.#body = body;
  }

  /** True once `stop` was called (until the next `start`). */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** Listens to `channel` (when there is a listener), then runs the body in the background; again: nothing. */
  async start(notifications: NotificationListener | undefined, channel: string): Promise<void> {
    if (this.#loop !== undefined) return;
    this.#stopped = false;
    const wake = (): void => this.signal.wake();
    this.#unlisten = await notifications?.listen(channel, wake, { onReconnect: wake });
    this.#loop = this.#body();
  }

  /** Ends the current sleep and waits for the body to return, then stops listening. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.signal.interrupt();
    await this.#loop;
    this.#loop = undefined;
    this.#unlisten?.();
    this.#unlisten = undefined;
  }
}
