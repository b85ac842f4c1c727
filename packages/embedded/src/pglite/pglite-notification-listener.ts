import type { Logger } from '@contextflow/core-infra';
import { ChannelSubscriptions } from '@contextflow/runtime';
import type { PGlite } from '@electric-sql/pglite';

/**
 * {@link NotificationListener} over PGlite's own LISTEN: PGlite is one session, so a `pg_notify` committed by
 * any transaction of this process is heard here. There is no connection to lose, so `onReconnect` is never
 * called. A channel, once listened to, stays listened to until `close()`.
 */
export class PgliteNotificationListener extends ChannelSubscriptions {
  constructor(
    private readonly pglite: PGlite,
    logger?: Logger,
  ) {
    super(logger);
  }

  protected listenTo(channel: string): Promise<unknown> {
    return this.pglite.listen(channel, (payload) => {
      // A notification after close() is not delivered.
      if (!this.closed) this.dispatch(channel, payload);
    });
  }

  /** The LISTENs end with the PGlite session. */
  protected async release(): Promise<void> {}
}
