export { type AmqpNodes, amqpNodes, amqpNodesProblem } from './amqp-nodes.js';
export type { DeliveredMessage } from './delivered-message.js';
export type {
  ConsumeOptions,
  DeliveryHandler,
  MessageTransport,
  OutgoingMessage,
  Settlement,
  Subscription,
} from './message-transport.js';
export {
  ATTEMPT_HEADER,
  DEFAULT_RETRY_POLICY,
  DELIVERY_LIMIT,
  type RetryPolicy,
  retryDelayMs,
} from './retry-policy.js';
export { attemptOf, RetryScheduler } from './retry-scheduler.js';
export {
  buildTopology,
  type ExchangeDeclaration,
  type QueueBinding,
  type QueueDeclaration,
  type Topology,
  type TopologyOptions,
  type WorkQueue,
} from './topology.js';
export { type TopologyNames, topologyNames } from './topology-names.js';
export type { TransportFactory } from './transport-factory.js';
export {
  RECONNECT_MAX_MS,
  RECONNECT_STEP_MS,
  RabbitMqTransport,
  type RabbitMqTransportOptions,
} from '../rabbitmq/rabbitmq-transport.js';
