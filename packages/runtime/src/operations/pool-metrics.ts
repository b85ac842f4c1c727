import type { Metrics } from '@contextflow/core-infra';
import type { PoolStats } from '../database/runtime-database.js';

/**
 * Adds `contextflow_db_pool_connections{state}` (`total`, `idle`, `busy`) and
 * `contextflow_db_pool_waiting_requests`, read from the pool on scrape.
 */
export function registerPoolMetrics(metrics: Metrics, pool: PoolStats): void {
  metrics.gauge(
    {
      name: 'contextflow_db_pool_connections',
      help: 'Database pool connections by state (total, idle, busy).',
      labelNames: ['state'] as const,
    },
    async (gauge) => {
      gauge.set({ state: 'total' }, pool.totalCount);
      gauge.set({ state: 'idle' }, pool.idleCount);
      gauge.set({ state: 'busy' }, pool.totalCount - pool.idleCount);
    },
  );
  metrics.gauge(
    { name: 'contextflow_db_pool_waiting_requests', help: 'Queries waiting for a free pool connection.' },
    async (gauge) => gauge.set(pool.waitingCount),
  );
}
