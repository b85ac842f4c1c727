import type { Logger } from '@contextflow/core-infra';
import { Client } from 'pg';
import { ChannelSubscriptions } from './channel-subscriptions.js';

/** Options of {@link PgNotificationListener}. */
export interface PgNotificationListenerOptions {
  readonly url: string;
  readonly applicationName?: string;
  readonly logger?: Logger;
  /** First delay before reconnecting after the connection is lost; doubles up to 10 s. Default 250 ms. */
  readonly reconnectDelayMs?: number;
}

const MAX_RECONNECT_DELAY_MS = 10_000;

/**
 * {@link NotificationListener} over one dedicated `pg` connection (a LISTEN holds its connection, so it does
 * not come from the pool). Connects on the first `listen`, reconnects with backoff when the connection is lost,
 * LISTENs again and tells subscribers. A channel, once listened to, stays listened to until `close()`.
 */
export class PgNotificationListener extends ChannelSubscriptions {
  #connection: Promise<Client> | null = null;
  #client: Client | null = null;
  #retryDelayMs: number;
  #retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: PgNotificationListenerOptions) {
    super(options.logger);
    this.#retryDelayMs = options.reconnectDelayMs ?? 250;
  }

  protected async listenTo(channel: string): Promise<void> {
    const client = await this.#connect();
    await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
  }

  protected async release(): Promise<void> {
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    const connection = this.#connection;
    this.#connection = null;
    this.#client = null;
    const client = await connection?.catch(() => null);
    await client?.end().catch(() => undefined);
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
    client.on('notification', (message) => this.dispatch(message.channel, message.payload ?? ''));
    client.on('error', (error) => {
      this.logger?.warn({ err: error }, 'notification connection failed');
      this.#lost(client);
    });
    client.on('end', () => this.#lost(client));
    await client.connect();
    if (this.closed) {
      await client.end();
      throw new Error('the notification listener is closed');
    }
    this.#client = client;
    return client;
  }

  #lost(client: Client): void {
    if (this.#client !== client) return;
    this.#client = null;
    this.#connection = null;
    this.forgetListening();
    client.end().catch(() => undefined);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.closed || this.#retryTimer !== null) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#reconnect().catch(() => undefined);
    }, this.#retryDelayMs);
    this.#retryTimer.unref();
  }

  async #reconnect(): Promise<void> {
    try {
      await Promise.all(this.channels().map((channel) => this.ensureListening(channel)));
    } catch (error) {
      this.logger?.warn({ err: error }, 'notification connection still down; retrying');
      this.#retryDelayMs = Math.min(this.#retryDelayMs * 2, MAX_RECONNECT_DELAY_MS);
      this.#scheduleReconnect();
      return;
    }
    this.#retryDelayMs = this.options.reconnectDelayMs ?? 250;
    this.logger?.info('notification connection re-established');
    this.reconnected();
  }
}
