import type { Command } from '@contextflow/core';
import { CHANNELS, type PlatformTables } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';
import { callerOf } from './caller-of.js';
import { messageHeaders } from './message-context.js';
import { requestHash } from './request-hash.js';

/**
 * Accepts many commands at once, in one statement whatever their number: each command row (`pending`), the
 * outbox message of each row written, and the relay's wake-up. A command whose id exists already, or whose
 * caller already used its idempotency key, is left out (nothing is written for it). For commands the platform
 * itself issues (the scheduler's), where nobody waits for a replay's answer; returns the ids accepted.
 */
export async function acceptCommands(
  db: Kysely<PlatformTables>,
  commands: readonly Command[],
  now: Date,
): Promise<string[]> {
  if (commands.length === 0) return [];
  const column = <T>(pick: (command: Command) => T): T[] => commands.map(pick);
  const { rows } = await sql<{ id: string }>`
    with given as (
      select * from unnest(
        ${column((c) => c.meta.commandId)}::uuid[], ${column((c) => c.type)}::text[],
        ${column((c) => JSON.stringify(c.payload ?? null))}::jsonb[], ${column((c) => callerOf(c.meta.actor))}::text[],
        ${column((c) => c.meta.actor?.userId ?? null)}::text[],
        ${column((c) => (c.meta.actor == null ? null : (c.meta.idempotencyKey ?? null)))}::text[],
        ${column((c) => requestHash(c.type, c.payload))}::text[], ${column((c) => c.meta.correlationId)}::text[],
        ${column((c) => c.meta.causationId)}::text[], ${column((c) => JSON.stringify(c))}::jsonb[],
        ${column((c) => JSON.stringify(messageHeaders({ correlationId: c.meta.correlationId, causationId: c.meta.causationId })))}::jsonb[]
      ) as t(id, type, payload, caller, issued_by, idempotency_key, request_hash, correlation_id, causation_id, body, headers)
    ),
    accepted as (
      insert into platform.commands (id, type, payload, status, caller, issued_by, idempotency_key, request_hash,
        correlation_id, causation_id, created_at, updated_at)
      select id, type, payload, 'pending', caller, issued_by, idempotency_key, request_hash, correlation_id,
        causation_id, ${now}, ${now} from given
      on conflict do nothing
      returning id
    ),
    appended as (
      insert into platform.outbox (message_id, kind, routing_key, body, headers, created_at)
      select g.id, 'command', g.type, g.body, g.headers, ${now} from given g join accepted a on a.id = g.id
      returning seq
    )
    select id, (select pg_notify(${CHANNELS.outbox}, '') from (select 1 from appended limit 1) as n) as notified
    from accepted`.execute(db);
  return rows.map((row) => row.id);
}
