import type { TransportFactory } from '../messaging/transport-factory.js';
import { RabbitMqDeadLetters } from './rabbitmq-dead-letters.js';
import { RabbitMqTransport } from './rabbitmq-transport.js';

/** Options of {@link rabbitMqTransport}. */
export interface RabbitMqTransportFactoryOptions {
  /** An `amqp://` URL. */
  readonly url: string;
  /** How long a publish may wait for the broker's confirm (10 s). */
  readonly publishTimeoutMs?: number | undefined;
}

/** RabbitMQ at `url`, as the transport of a runtime. */
export function rabbitMqTransport(options: RabbitMqTransportFactoryOptions): TransportFactory {
  return {
    kind: 'rabbitmq',
    create: ({ logger }) =>
      new RabbitMqTransport({
        url: options.url,
        logger,
        connectionName: 'contextflow-worker',
        ...(options.publishTimeoutMs === undefined ? {} : { publishTimeoutMs: options.publishTimeoutMs }),
      }),
    openDeadLetters: ({ topology, logger }) =>
      new RabbitMqDeadLetters({ url: options.url, topology, logger }),
  };
}
