import { token } from '@contextflow/core';

/** Called with the payload of each notification on a channel. */
export type NotificationHandler = (payload: string) => void;

/** What a subscriber hears besides notifications. */
export interface ListenOptions {
  /**
   * Called after the listening connection was lost and re-established: notifications sent meanwhile are gone,
   * so a subscriber re-checks whatever it was waiting for.
   */
  readonly onReconnect?: () => void;
  /**
   * Called when the listening connection is lost, before any reconnect: from now until `onReconnect`,
   * notifications are not heard. A subscriber that trusts a cache because it hears of every change stops
   * trusting it here.
   */
  readonly onDisconnect?: () => void;
}

/** Stops a subscription; idempotent. */
export type Unlisten = () => void;

/** PostgreSQL LISTEN for the whole process over one connection, shared by every subscriber. */
export interface NotificationListener {
  /**
   * Subscribes to a channel. Resolves once the channel is being listened to, so a notification sent after
   * that is delivered; rejects when the database cannot be reached.
   */
  listen(channel: string, handler: NotificationHandler, options?: ListenOptions): Promise<Unlisten>;
  /** Closes the connection; later `listen` calls reject. */
  close(): Promise<void>;
}

/** Token of {@link NotificationListener}. */
export const NotificationListener = token<NotificationListener>('core-infra.NotificationListener');
