import { describe, expect, it } from 'vitest';
import { InProcessTransport } from '../embedded/in-process-transport.js';
import { registerDeadLetterMetrics } from './dead-letter-metrics.js';
import { Metrics } from './metrics.js';
import { registerPoolMetrics } from './pool-metrics.js';

describe('Metrics', () => {
  it('renders the process metrics without the Node.js version', async () => {
    const text = await new Metrics().render();
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).not.toContain('nodejs_version_info');
    expect(text).not.toMatch(/v\d+\.\d+\.\d+/);
  });

  it('keeps two instances apart (no shared global registry)', async () => {
    const a = new Metrics({ processMetrics: false });
    const b = new Metrics({ processMetrics: false });
    a.retries.inc({ queue: 'q' });
    expect(await a.render()).toContain('contextflow_message_retries_total{queue="q"} 1');
    expect(await b.render()).not.toContain('queue="q"');
  });

  it('reads a collected gauge on every scrape and shows NaN, not a stale value, when reading fails', async () => {
    const metrics = new Metrics({ processMetrics: false });
    let value: number | Error = 3;
    metrics.gauge({ name: 'probe_value', help: 'A probe.' }, async (gauge) => {
      if (value instanceof Error) throw value;
      gauge.set(value);
    });
    expect(await metrics.render()).toContain('probe_value 3');
    value = new Error('database down');
    expect(await metrics.render()).toMatch(/probe_value nan/i);
  });

  it('reports pool usage by state', async () => {
    const metrics = new Metrics({ processMetrics: false });
    registerPoolMetrics(metrics, { totalCount: 5, idleCount: 2, waitingCount: 1 });
    const text = await metrics.render();
    expect(text).toContain('contextflow_db_pool_connections{state="busy"} 3');
    expect(text).toContain('contextflow_db_pool_waiting_requests 1');
  });

  it('reports the depth of each dead-letter queue, and none before the transport exists', async () => {
    const metrics = new Metrics({ processMetrics: false });
    const transport = new InProcessTransport();
    let started: InProcessTransport | undefined;
    registerDeadLetterMetrics(metrics, () => started, ['dead']);
    expect(await metrics.render()).not.toContain('contextflow_dead_letter_messages{');
    started = transport;
    await transport.declare({
      names: {} as never,
      retry: { maxAttempts: 1, delaysMs: [] },
      exchanges: [],
      queues: [{ queue: 'dead', durable: true, arguments: {} }],
      bindings: [],
      commandQueues: new Map(),
      eventQueues: new Map(),
      deadCommands: { queue: 'dead', durable: true, arguments: {} },
    });
    await transport.publish({ exchange: '', routingKey: 'dead', messageId: 'm1', type: 't', body: {} });
    expect(await metrics.render()).toContain('contextflow_dead_letter_messages{queue="dead"} 1');
    await transport.close();
  });
});
