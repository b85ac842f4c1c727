import type { Logger } from '@contextflow/core-infra';
import type {
  ListenOptions,
  NotificationHandler,
  NotificationListener,
  Unlisten,
} from '@contextflow/core-infra/db';

interface Subscriber {
  readonly handler: NotificationHandler;
  readonly options: ListenOptions;
}

/**
 * What every {@link NotificationListener} shares: subscribers by channel, one LISTEN per channel however many
 * subscribe (a failed one is tried again by the next `listen`), and dispatch that keeps a throwing handler
 * from reaching the others. Subclasses say how a channel is listened to and how they close.
 */
export abstract class ChannelSubscriptions implements NotificationListener {
  readonly #subscribers = new Map<string, Set<Subscriber>>();
  readonly #listening = new Map<string, Promise<unknown>>();
  #closed = false;

  constructor(protected readonly logger?: Logger) {}

  /** Starts listening to `channel` (called once per channel, again after {@link forgetListening}). */
  protected abstract listenTo(channel: string): Promise<unknown>;

  /** Releases what the subclass holds; subscribers are already gone. */
  protected abstract release(): Promise<void>;

  async listen(
    channel: string,
    handler: NotificationHandler,
    options: ListenOptions = {},
  ): Promise<Unlisten> {
    if (this.#closed) throw new Error('the notification listener is closed');
    const subscriber: Subscriber = { handler, options };
    const subscribers = this.#subscribers.get(channel) ?? new Set<Subscriber>();
    this.#subscribers.set(channel, subscribers.add(subscriber));
    const unlisten = () => void subscribers.delete(subscriber);
    try {
      await this.ensureListening(channel);
    } catch (error) {
      unlisten();
      throw error;
    }
    return unlisten;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listening.clear();
    await this.release();
  }

  protected get closed(): boolean {
    return this.#closed;
  }

  /** Listens to `channel` unless already (or about to be) listening to it. */
  protected ensureListening(channel: string): Promise<unknown> {
    let listening = this.#listening.get(channel);
    if (listening === undefined) {
      listening = this.listenTo(channel);
      this.#listening.set(channel, listening);
      const attempt = listening;
      attempt.catch(() => {
        if (this.#listening.get(channel) === attempt) this.#listening.delete(channel);
      });
    }
    return listening;
  }

  /**
   * Forgets every LISTEN (their connection is gone): the next {@link ensureListening} listens again. Tells
   * subscribers that notifications are not heard until they hear `onReconnect`.
   */
  protected forgetListening(): void {
    this.#listening.clear();
    this.#tell('onDisconnect');
  }

  /** Every channel anyone subscribed to. */
  protected channels(): string[] {
    return [...this.#subscribers.keys()];
  }

  /** Tells every subscriber that notifications may have been missed. */
  protected reconnected(): void {
    this.#tell('onReconnect');
  }

  #tell(event: 'onReconnect' | 'onDisconnect'): void {
    for (const subscribers of this.#subscribers.values()) {
      for (const { options } of subscribers) {
        try {
          options[event]?.();
        } catch (error) {
          this.logger?.error({ err: error }, `notification ${event} handler threw`);
        }
      }
    }
  }

  /** Hands a notification to the channel's subscribers; one that throws is logged and the rest still hear it. */
  protected dispatch(channel: string, payload: string): void {
    for (const subscriber of this.#subscribers.get(channel) ?? []) {
      try {
        subscriber.handler(payload);
      } catch (error) {
        this.logger?.error({ err: error, channel }, 'notification handler threw');
      }
    }
  }
}
