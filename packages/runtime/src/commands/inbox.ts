// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import { injectable } from 'tsyringe';
import { purgeInbox } from './retention.js';

/** Exactly-once handling on top of at-least-once delivery: one `platform.inbox` row per consumer and message. */
@injectable()
export class Inbox {
  /**
   * Records that `consumer` handles `messageId`, inside the handler's transaction. Returns `false` when it was
   * already handled (skip the message); a concurrent claim of the same message waits for the first to commit.
   */
  async claim(trx: Kysely<PlatformTables>, consumer: string, messageId: string): Promise<boolean> {
    const claimed = await trx
      .insertInto('platform.inbox')
      .values({ consumer, message_id: messageId })
      .onConflict((oc) => oc.columns(['consumer', 'message_id']).doNothing())
      .returning('consumer')
      .executeTakeFirst();
    return claimed !== undefined;
  }

  /** Deletes records older than `days` days, in batches (redeliveries never come that late); returns how many. */
  purgeOlderThan(db: Kysely<PlatformTables>, days: number): Promise<number> {
    return purgeInbox(db, days);
  }
}
