import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

// Migrations receive an untyped handle on purpose: they describe the schema the table types are derived from.
type Schema = Kysely<unknown>;

const commands: Migration = {
  async up(db: Schema) {
    await db.schema.createSchema('platform').ifNotExists().execute();
    await db.schema
      .createTable('platform.commands')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('type', 'text', (col) => col.notNull())
      .addColumn('payload', 'jsonb', (col) => col.notNull())
      .addColumn('status', 'text', (col) =>
        col.notNull().check(sql`status in ('pending', 'processing', 'succeeded', 'failed')`),
      )
      .addColumn('result', 'jsonb')
      .addColumn('error', 'jsonb')
      .addColumn('caller', 'text', (col) => col.notNull())
      .addColumn('issued_by', 'text')
      .addColumn('idempotency_key', 'text')
      .addColumn('request_hash', 'text', (col) => col.notNull())
      .addColumn('correlation_id', 'text', (col) => col.notNull())
      .addColumn('causation_id', 'text', (col) => col.notNull())
      .addColumn('traceparent', 'text')
      .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createIndex('commands_caller_idempotency_key_uq')
      .on('platform.commands')
      .columns(['caller', 'idempotency_key'])
      .unique()
      .where('idempotency_key', 'is not', null)
      .execute();
  },
};

const outbox: Migration = {
  async up(db: Schema) {
    await db.schema
      .createTable('platform.outbox')
      .addColumn('seq', 'bigserial', (col) => col.primaryKey())
      .addColumn('message_id', 'uuid', (col) => col.notNull().unique())
      .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('command', 'event')`))
      .addColumn('routing_key', 'text', (col) => col.notNull())
      .addColumn('body', 'jsonb', (col) => col.notNull())
      .addColumn('headers', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('sent_at', 'timestamptz')
      .addColumn('publish_attempts', 'integer', (col) => col.notNull().defaultTo(0))
      .execute();
    // The relay only ever scans unsent rows in order; the partial index stays as small as the backlog.
    await db.schema
      .createIndex('outbox_unsent_seq_idx')
      .on('platform.outbox')
      .column('seq')
      .where(sql.ref('sent_at'), 'is', null)
      .execute();
  },
};

const inbox: Migration = {
  async up(db: Schema) {
    await db.schema
      .createTable('platform.inbox')
      .addColumn('consumer', 'text', (col) => col.notNull())
      // Text, not uuid: a malformed id from the broker must not make the claim itself fail forever.
      .addColumn('message_id', 'text', (col) => col.notNull())
      .addColumn('handled_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('inbox_pk', ['consumer', 'message_id'])
      .execute();
    await db.schema.createIndex('inbox_handled_at_idx').on('platform.inbox').column('handled_at').execute();
  },
};

const scheduledMessages: Migration = {
  async up(db: Schema) {
    await db.schema
      .createTable('platform.scheduled_messages')
      .addColumn('key', 'text', (col) => col.primaryKey())
      .addColumn('message_id', 'uuid', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('command', 'event')`))
      .addColumn('message_type', 'text', (col) => col.notNull())
      .addColumn('body', 'jsonb', (col) => col.notNull())
      .addColumn('headers', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn('due_at', 'timestamptz', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .execute();
    // The scheduler asks only "what is due first": the index answers it without a scan.
    await db.schema
      .createIndex('scheduled_messages_due_at_idx')
      .on('platform.scheduled_messages')
      .column('due_at')
      .execute();
  },
};

const processes: Migration = {
  async up(db: Schema) {
    await db.schema
      .createTable('platform.processes')
      .addColumn('process', 'text', (col) => col.notNull())
      .addColumn('correlation_id', 'text', (col) => col.notNull())
      .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('running', 'completed')`))
      .addColumn('state', 'jsonb', (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('processes_pk', ['process', 'correlation_id'])
      .execute();
    await db.schema
      .createIndex('processes_completed_idx')
      .on('platform.processes')
      .column('updated_at')
      .where(sql.ref('status'), '=', sql.lit('completed'))
      .execute();
  },
};

const failures: Migration = {
  async up(db: Schema) {
    await db.schema
      .createTable('platform.failures')
      .addColumn('id', 'bigserial', (col) => col.primaryKey())
      .addColumn('queue', 'text', (col) => col.notNull())
      .addColumn('message_id', 'text', (col) => col.notNull())
      .addColumn('type', 'text', (col) => col.notNull())
      .addColumn('headers', 'jsonb', (col) => col.notNull())
      .addColumn('payload', 'jsonb', (col) => col.notNull())
      .addColumn('reason', 'text', (col) => col.notNull())
      .addColumn('problem', 'jsonb')
      .addColumn('error_code', 'text', (col) => col.notNull())
      .addColumn('attempts', 'integer', (col) => col.notNull())
      .addColumn('trace_id', 'text')
      .addColumn('fingerprint', 'text', (col) => col.notNull())
      .addColumn('deaths', 'integer', (col) => col.notNull().defaultTo(1))
      .addColumn('status', 'text', (col) =>
        col.notNull().defaultTo('dead').check(sql`status in ('dead', 'retried', 'purged')`),
      )
      .addColumn('first_failed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('last_failed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint('failures_queue_message_uq', ['queue', 'message_id'])
      .execute();
    // The console lists newest first and groups the dead ones by fingerprint.
    await db.schema
      .createIndex('failures_last_failed_idx')
      .on('platform.failures')
      .columns(['last_failed_at desc', 'id desc'])
      .execute();
    await db.schema
      .createIndex('failures_dead_fingerprint_idx')
      .on('platform.failures')
      .columns(['fingerprint', 'last_failed_at'])
      .where(sql.ref('status'), '=', 'dead')
      .execute();
    await db.schema
      .createTable('platform.command_progress')
      .addColumn('command_id', 'uuid', (col) => col.primaryKey())
      .addColumn('done', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('total', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('failed', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .execute();
  },
};

/**
 * Migrations of the `platform` schema (commands, outbox, inbox, scheduled messages, processes, failures and
 * command progress), applied before every context's own.
 */
export const platformMigrations: Readonly<Record<string, Migration>> = Object.freeze({
  '0001_commands': commands,
  '0002_outbox': outbox,
  '0003_inbox': inbox,
  '0004_scheduled_messages': scheduledMessages,
  '0005_processes': processes,
  '0006_failures': failures,
});
