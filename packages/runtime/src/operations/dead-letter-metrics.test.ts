import { Metrics } from '@contextflow/core-infra';
import { describe, expect, it } from 'vitest';
import type { MessageTransport } from '../messaging/message-transport.js';
import { registerDeadLetterMetrics } from './dead-letter-metrics.js';

/** A transport that only answers queue depths (the gauge asks nothing else). */
const depths = (counts: Record<string, number>) =>
  ({
    messageCount: async (queue: string) => {
      const count = counts[queue];
      if (count === undefined) throw new Error(`no queue "${queue}"`);
      return count;
    },
  }) as Pick<MessageTransport, 'messageCount'> as MessageTransport;

describe('registerDeadLetterMetrics', () => {
  it('reports the depth of each dead-letter queue, and none before the transport exists', async () => {
    const metrics = new Metrics({ processMetrics: false });
    let started: MessageTransport | undefined;
    registerDeadLetterMetrics(metrics, () => started, ['dead']);
    expect(await metrics.render()).not.toContain('contextflow_dead_letter_messages{');
    started = depths({ dead: 1 });
    expect(await metrics.render()).toContain('contextflow_dead_letter_messages{queue="dead"} 1');
  });

  it('leaves out a queue the transport cannot count', async () => {
    const metrics = new Metrics({ processMetrics: false });
    registerDeadLetterMetrics(metrics, () => depths({ a: 2 }), ['a', 'b']);
    const text = await metrics.render();
    expect(text).toContain('contextflow_dead_letter_messages{queue="a"} 2');
    expect(text).not.toContain('queue="b"');
  });
});
