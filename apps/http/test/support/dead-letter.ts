import { fileURLToPath } from 'node:url';
import { createLogger } from '@contextflow/core-infra';
import { buildTopology, RabbitMqTransport } from '@contextflow/runtime/messaging';
import { runToCompletion } from '@contextflow/test-utils';
import { sql } from 'kysely';
import { modules } from '../../src/modules.js';
import type { System } from './system.js';

const WORKER_MAIN = fileURLToPath(new URL('../../../worker/dist/main.js', import.meta.url));

/**
 * Puts a command the http app accepted while the worker was stopped into its context's dead-letter queue, as
 * the broker does after the last retry: its outbox message (the exact body the relay would have published)
 * goes to the dead-letter exchange with the broker's death headers, and the outbox row is marked sent so the
 * relay never publishes it. The worker's reconciler then fails the command. Services only.
 */
export async function deadLetter(
  system: System,
  context: string,
  commandId: string,
  reason: 'rejected' | 'delivery_limit' = 'rejected',
): Promise<void> {
  if (system.amqp === null) throw new Error('dead letters live in RabbitMQ: services only');
  const { rows } = await sql<{ body: unknown; type: string }>`
    update platform.outbox set sent_at = now() where message_id = ${commandId}
    returning body, routing_key as type
  `.execute(system.db);
  const message = rows[0];
  if (message === undefined) throw new Error(`no outbox message ${commandId}`);
  const topology = buildTopology(modules, { namespace: system.amqp.namespace });
  const queue = topology.commandQueues.get(context)?.declaration.queue ?? '';
  const transport = new RabbitMqTransport({
    url: system.amqp.url,
    logger: createLogger({ level: 'silent' }),
  });
  try {
    await transport.ready();
    await transport.publish({
      exchange: topology.names.deadLetterExchange,
      routingKey: queue,
      messageId: commandId,
      type: message.type,
      body: message.body,
      headers: { 'x-first-death-queue': queue, 'x-first-death-reason': reason },
    });
  } finally {
    await transport.close();
  }
}

/** What `worker dead-letters show <id>` prints for a dead letter: its headers and body, as JSON text. */
export async function showDeadLetter(system: System, commandId: string): Promise<string> {
  if (system.amqp === null) throw new Error('dead letters live in RabbitMQ: services only');
  const env = {
    ...process.env,
    AMQP_URL: system.amqp.url,
    AMQP_NAMESPACE: system.amqp.namespace,
    LOG_LEVEL: 'silent',
  };
  const lines = await runToCompletion('dead-letters', [WORKER_MAIN, 'dead-letters', 'show', commandId], {
    env,
  });
  return lines.join('\n');
}
