// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import {
  Clock,
  type Command,
  type DomainEvent,
  eventRoutingKey,
  type MessageScheduler,
  type ScheduleTime,
} from '@contextflow/core';
import { CHANNELS, Db, type PlatformTables, preparedQuery } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';
import { inject, injectable } from 'tsyringe';
import { MessageContext, messageHeaders } from '../commands/message-context.js';

/** The message under its key (replacing a pending one) and the scheduler's wake-up, in one statement. */
const upsert = preparedQuery(
  (
    db: Kysely<PlatformTables>,
    key: string,
    messageId: string,
    kind: 'command' | 'event',
    messageType: string,
    body: string,
    headers: string,
    dueAt: Date,
  ) =>
    db
      .with('scheduled', (qb) =>
        qb
          .insertInto('platform.scheduled_messages')
          .values({
            key,
            message_id: messageId,
            kind,
            message_type: messageType,
            body,
            headers,
            due_at: dueAt,
          })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet((eb) => ({
              message_id: eb.ref('excluded.message_id'),
              kind: eb.ref('excluded.kind'),
              message_type: eb.ref('excluded.message_type'),
              body: eb.ref('excluded.body'),
              headers: eb.ref('excluded.headers'),
              due_at: eb.ref('excluded.due_at'),
              created_at: sql`now()`,
            })),
          )
          .returning('key'),
      )
      .selectFrom('scheduled')
      .select(sql<string>`pg_notify(${CHANNELS.scheduled}, '')`.as('notified')),
);

const remove = preparedQuery((db: Kysely<PlatformTables>, key: string) =>
  db.deleteFrom('platform.scheduled_messages').where('key', '=', key).returning('key'),
);

/** When `when` is due, on `clock`. */
export function dueTime(when: ScheduleTime, clock: Clock): Date {
  return when instanceof Date ? when : new Date(clock.now().getTime() + Math.max(0, when.afterMs));
}

/**
 * {@link MessageScheduler} over `platform.scheduled_messages`. It takes `Db` from the container it is resolved
 * in (the unit of work's transaction inside a handler, the root handle in a route), so register it as
 * transient, never as a singleton.
 */
@injectable()
export class PgMessageScheduler implements MessageScheduler {
  constructor(
    @inject(Db) private readonly db: Kysely<PlatformTables>,
    @inject(Clock) private readonly clock: Clock,
    @inject(MessageContext, { isOptional: true }) private readonly context?: MessageContext,
  ) {}

  async scheduleCommand(key: string, when: ScheduleTime, command: Command): Promise<void> {
    await upsert.execute(
      this.db,
      key,
      command.meta.commandId,
      'command',
      command.type,
      JSON.stringify(command),
      '{}',
      dueTime(when, this.clock),
    );
  }

  async scheduleEvent(key: string, when: ScheduleTime, event: DomainEvent): Promise<void> {
    await upsert.execute(
      this.db,
      key,
      event.id,
      'event',
      eventRoutingKey(event),
      JSON.stringify(event),
      JSON.stringify(messageHeaders(this.context)),
      dueTime(when, this.clock),
    );
  }

  async cancel(key: string): Promise<boolean> {
    const { rows } = await remove.execute(this.db, key);
    return rows.length > 0;
  }
}
