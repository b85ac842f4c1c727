import { Client } from 'pg';
import type { Logger } from '../logger.js';
import type {
  ListenOptions,
  NotificationHandler,
  NotificationListener,
  Unlisten,
} from './notification-listener.js';

/** Options of {@link PgNotificationListener}. */
export interface PgNotificationListenerOptions {
  readonly url: string;
  readonly applicationName?: string;
  readonly logger?: Logger;
  /** First delay before reconnecting after the connection is lost; doubles up to 10 s. Default 250 ms. */
  readonly reconnectDelayMs?: number;
}

interface Subscriber {
  readonly handler: NotificationHandler;
  readonly options: ListenOptions;
}

const MAX_RECONNECT_DELAY_MS = 10_000;

/**
 * {@link NotificationListener} over one dedicated `pg` connection (a LISTEN holds its connection, so it does
 * not come from the pool). Connects on the first `listen`, reconnects with backoff when the connection is lost,
 * LISTENs again and tells subscribers. A channel, once listened to, stays listened to until `close()`.
 */
export class PgNotificationListener implements NotificationListener {
  readonly #subscribers = new Map<string, Set<Subscriber>>();
  readonly #listening = new Map<string, Promise<void>>();
  #connection: Promise<Client> | null = null;
  #client: Client | null = null;
  #closed = false;
  #retryDelayMs: number;
  #retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: PgNotificationListenerOptions) {
    this.#retryDelayMs = options.reconnectDelayMs ?? 250;
  }

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
      await this.#ensureListening(channel);
    } catch (error) {
      unlisten();
      throw error;
    }
    return unlisten;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    const connection = this.#connection;
    this.#connection = null;
    this.#client = null;
    this.#listening.clear();
    const client = await connection?.catch(() => null);
    await client?.end().catch(() => undefined);
  }

  #ensureListening(channel: string): Promise<void> {
    let listening = this.#listening.get(channel);
    if (listening === undefined) {
      listening = this.#connect().then(async (client) => {
        await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      });
      this.#listening.set(channel, listening);
      const attempt = listening;
      attempt.catch(() => {
        if (this.#listening.get(channel) === attempt) this.#listening.delete(channel);
      });
    }
    return listening;
  }

  #connect(): Promise<Client> {
    this.#connection ??= this.#open().catch((error: unknown) => {
      this.#connection = null;
      throw error;
    });
    return this.#connection;
  }

  async #open(): Promise<Client> {
    const client = new Client({
      connectionString: this.options.url,
      ...(this.options.applicationName === undefined
        ? {}
        : { application_name: this.options.applicationName }),
    });
    client.on('notification', (message) => this.#dispatch(message.channel, message.payload ?? ''));
    client.on('error', (error) => {
      this.options.logger?.warn({ err: error }, 'notification connection failed');
      this.#lost(client);
    });
    client.on('end', () => this.#lost(client));
    await client.connect();
    if (this.#closed) {
      await client.end();
      throw new Error('the notification listener is closed');
    }
    this.#client = client;
    return client;
  }

  #dispatch(channel: string, payload: string): void {
    for (const subscriber of this.#subscribers.get(channel) ?? []) {
      try {
        subscriber.handler(payload);
      } catch (error) {
        this.options.logger?.error({ err: error, channel }, 'notification handler threw');
      }
    }
  }

  #lost(client: Client): void {
    if (this.#client !== client) return;
    this.#client = null;
    this.#connection = null;
    this.#listening.clear();
    client.end().catch(() => undefined);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#retryTimer !== null) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#reconnect().catch(() => undefined);
    }, this.#retryDelayMs);
    this.#retryTimer.unref();
  }

  async #reconnect(): Promise<void> {
    try {
      await Promise.all([...this.#subscribers.keys()].map((channel) => this.#ensureListening(channel)));
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'notification connection still down; retrying');
      this.#retryDelayMs = Math.min(this.#retryDelayMs * 2, MAX_RECONNECT_DELAY_MS);
      this.#scheduleReconnect();
      return;
    }
    this.#retryDelayMs = this.options.reconnectDelayMs ?? 250;
    this.options.logger?.info('notification connection re-established');
    for (const subscribers of this.#subscribers.values()) {
      for (const { options } of subscribers) options.onReconnect?.();
    }
  }
}
