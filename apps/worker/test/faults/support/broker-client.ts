import { createLogger } from '@contextflow/core-infra';
import { buildTopology, RabbitMqTransport, type Topology } from '@contextflow/runtime/messaging';
import { probeModule } from './probe-module.js';
import { FAULT_RETRY_POLICY } from './retry.js';

/** A test-side connection to a scenario's broker namespace: publish copies, count dead letters. */
export interface BrokerClient {
  readonly transport: RabbitMqTransport;
  readonly topology: Topology;
  /** Messages in the probe context's dead-letter queue. */
  deadLetters(): Promise<number>;
  close(): Promise<void>;
}

/** Connects to `url` with the probe topology under `namespace`. */
export async function connectBroker(url: string, namespace: string): Promise<BrokerClient> {
  const transport = new RabbitMqTransport({ url, logger: createLogger({ level: 'silent' }) });
  const topology = buildTopology([probeModule()], { namespace, retry: FAULT_RETRY_POLICY });
  await transport.ready(30_000);
  await transport.declare(topology);
  const queue = topology.commandQueues.get('probe');
  if (queue === undefined) throw new Error('the probe topology has no command queue');
  return {
    transport,
    topology,
    deadLetters: () => transport.messageCount(queue.deadLetterQueue),
    close: () => transport.close(),
  };
}
