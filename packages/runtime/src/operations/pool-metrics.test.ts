import { Metrics } from '@contextflow/core-infra';
import { describe, expect, it } from 'vitest';
import { registerPoolMetrics } from './pool-metrics.js';

describe('registerPoolMetrics', () => {
  it('reports pool usage by state', async () => {
    const metrics = new Metrics({ processMetrics: false });
    registerPoolMetrics(metrics, { totalCount: 5, idleCount: 2, waitingCount: 1 });
    const text = await metrics.render();
    expect(text).toContain('contextflow_db_pool_connections{state="busy"} 3');
    expect(text).toContain('contextflow_db_pool_waiting_requests 1');
  });
});
