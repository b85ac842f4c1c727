import type { Logger } from '@contextflow/core-infra';
import type { MessageTransport } from './message-transport.js';

/** Makes the transport of a runtime: RabbitMQ (`rabbitMqTransport`), or another that keeps the same contract. */
export interface TransportFactory {
  /** What it connects to, for start-up lines and health reports: `rabbitmq`, `in-process`. */
  readonly kind: string;
  /** Called once, by the first `startWorker` or `startRelay`; the runtime closes what it returns. */
  create(context: { readonly logger: Logger }): MessageTransport;
}
