import type { Metrics } from '@contextflow/core-infra';
import type { MessageTransport } from '../messaging/message-transport.js';

/**
 * Adds `contextflow_dead_letter_messages{queue}`: the messages waiting in each dead-letter queue, asked of the
 * transport on scrape (a passive declare on RabbitMQ, the queue's length in-process).
 */
export function registerDeadLetterMetrics(
  metrics: Metrics,
  transport: () => MessageTransport | undefined,
  queues: readonly string[],
): void {
  metrics.gauge(
    {
      name: 'contextflow_dead_letter_messages',
      help: 'Messages waiting in each dead-letter queue.',
      labelNames: ['queue'] as const,
    },
    async (gauge) => {
      const current = transport();
      if (current === undefined) return;
      const counts = await Promise.allSettled(queues.map((queue) => current.messageCount(queue)));
      gauge.reset();
      counts.forEach((count, i) => {
        if (count.status === 'fulfilled') gauge.set({ queue: queues[i] }, count.value);
      });
    },
  );
}
