import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics.js';

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
});
