import { createLogger } from '@contextflow/core-infra';
import type { Topology } from '../messaging/topology.js';
import { RabbitMqTransport } from '../rabbitmq/rabbitmq-transport.js';
import { testAmqpUrl } from './test-urls.js';

/** Deletes every queue and exchange of `topology` from the broker at `url`: a test's own names, once it is done. */
export async function removeTopology(topology: Topology, url = testAmqpUrl()): Promise<void> {
  const transport = new RabbitMqTransport({ url, logger: createLogger({ level: 'silent' }) });
  try {
    await transport.deleteTopology(topology);
  } finally {
    await transport.close();
  }
}
