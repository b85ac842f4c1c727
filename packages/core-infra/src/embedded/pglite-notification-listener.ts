import type { PGlite } from '@electric-sql/pglite';
import type {
  ListenOptions,
  NotificationHandler,
  NotificationListener,
  Unlisten,
} from '../db/notification-listener.js';
import type { Logger } from '../logger.js';

interface Subscriber {
  readonly handler: NotificationHandler;
}

/**
 * {@link NotificationListener} over PGlite's own LISTEN: PGlite is one session, so a `pg_notify` committed by
 * any transaction of this process is heard here. There is no connection to lose, so `onReconnect` is never
 * called. A channel, once listened to, stays listened to until `close()`.
 */
export class PgliteNotificationListener implements NotificationListener {
  readonly #subscribers = new Map<string, Set<Subscriber>>();
  readonly #listening = new Map<string, Promise<unknown>>();
  #closed = false;

  constructor(
    private readonly pglite: PGlite,
    private readonly logger?: Logger,
  ) {}

  async listen(
    channel: string,
    handler: NotificationHandler,
    _options: ListenOptions = {},
  ): Promise<Unlisten> {
    if (this.#closed) throw new Error('the notification listener is closed');
    const subscriber: Subscriber = { handler };
    const subscribers = this.#subscribers.get(channel) ?? new Set<Subscriber>();
    this.#subscribers.set(channel, subscribers.add(subscriber));
    const unlisten = () => void subscribers.delete(subscriber);
    try {
      await this.#ensureListening(channel);
    } catch (error) {
      unlisten();
      throw error;
    }
    return unlisten;
  }

  /** Stops delivering; the LISTENs end with the PGlite session. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#subscribers.clear();
    this.#listening.clear();
  }

  #ensureListening(channel: string): Promise<unknown> {
    let listening = this.#listening.get(channel);
    if (listening === undefined) {
      listening = this.pglite.listen(channel, (payload) => this.#dispatch(channel, payload));
      this.#listening.set(channel, listening);
      const attempt = listening;
      attempt.catch(() => {
        if (this.#listening.get(channel) === attempt) this.#listening.delete(channel);
      });
    }
    return listening;
  }

  #dispatch(channel: string, payload: string): void {
    for (const subscriber of this.#subscribers.get(channel) ?? []) {
      try {
        subscriber.handler(payload);
      } catch (error) {
        this.logger?.error({ err: error, channel }, 'notification handler threw');
      }
    }
  }
}
