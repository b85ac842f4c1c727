import type { Logger } from '@contextflow/core-infra';
import type { DeadLetterStore } from './dead-letter-store.js';
import type { MessageTransport } from './message-transport.js';
import type { Topology } from './topology.js';

/** Makes the transport of a runtime: RabbitMQ (`rabbitMqTransport`), or another that keeps the same contract. */
export interface TransportFactory {
  /** What it connects to, for start-up lines and health reports: `rabbitmq`, `in-process`. */
  readonly kind: string;
  /** Called once, by the first `startWorker` or `startRelay`; the runtime closes what it returns. */
  create(context: { readonly logger: Logger }): MessageTransport;
  /**
   * Opens the dead-letter queues of `topology` for operator actions (redrive, purge); absent when the transport
   * cannot (the in-process broker: its dead letters live and die with the process). The caller closes it.
   */
  openDeadLetters?(context: { readonly topology: Topology; readonly logger: Logger }): DeadLetterStore;
}
