import { activeTracer, type Span } from '@contextflow/core-infra';
import { messageParent } from '../telemetry/message-telemetry.js';
import type { DeliveredMessage } from './delivered-message.js';
import type { OutgoingMessage, Settlement } from './message-transport.js';

// OpenTelemetry messaging semantic conventions (RabbitMQ): the destination is the exchange.
const RABBITMQ = { 'messaging.system': 'rabbitmq' } as const;

/**
 * The consumer span of handling one delivery from `queue`: a child of the span that published it (the
 * message's `traceparent`), so the HTTP request, the relay's publish and this handling form one trace.
 */
export function processSpan(queue: string, message: DeliveredMessage): Span {
  return activeTracer().startSpan(`process ${queue}`, {
    kind: 'consumer',
    parent: messageParent(message.headers),
    attributes: {
      ...RABBITMQ,
      'messaging.operation.type': 'process',
      'messaging.operation.name': 'process',
      'messaging.destination.name': message.exchange,
      'messaging.rabbitmq.destination.routing_key': message.routingKey,
      'messaging.message.id': message.messageId,
      'messaging.message.conversation_id': message.correlationId,
      'contextflow.queue': queue,
      'contextflow.redelivered': message.redelivered,
    },
  });
}

/** The producer span of publishing one outbox message: a child of the span that wrote it (`traceparent`). */
export function publishSpan(
  message: OutgoingMessage,
  headers: Readonly<Record<string, unknown>> | null,
): Span {
  return activeTracer().startSpan(`publish ${message.exchange}`, {
    kind: 'producer',
    parent: messageParent(headers),
    attributes: {
      ...RABBITMQ,
      'messaging.operation.type': 'send',
      'messaging.operation.name': 'publish',
      'messaging.destination.name': message.exchange,
      'messaging.rabbitmq.destination.routing_key': message.routingKey,
      'messaging.message.id': message.messageId,
      'messaging.message.conversation_id': message.correlationId,
    },
  });
}

/** Runs `work` and ends `span` with how the delivery was settled (a dead letter or a throw marks it failed). */
export async function settleInSpan(span: Span, work: () => Promise<Settlement>): Promise<Settlement> {
  try {
    const settlement = await work();
    span.setAttributes({ 'contextflow.settlement': settlement });
    if (settlement === 'dead-letter') span.fail('dead-lettered');
    return settlement;
  } catch (error) {
    span.fail('the delivery could not be settled');
    throw error;
  } finally {
    span.end();
  }
}
