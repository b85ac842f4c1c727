import type { Logger, ReadinessCheck } from '@contextflow/core-infra';
import { type OperationsServer, type Runtime, serveOperations } from '@contextflow/runtime';
import type { AppConfig } from '@contextflow/runtime/config';

/**
 * Starts the app's operations server — `/metrics` and `/health/*` on METRICS_PORT, bound to OPS_HOST, never on
 * the API port — and logs where it listens.
 */
export async function serveMetrics(
  runtime: Pick<Runtime, 'metrics'>,
  config: Pick<AppConfig, 'metricsPort' | 'opsHost'>,
  readiness: readonly ReadinessCheck[],
  logger: Logger,
): Promise<OperationsServer> {
  const operations = await serveOperations({
    port: config.metricsPort,
    hostname: config.opsHost,
    metrics: runtime.metrics,
    readiness,
    logger,
  });
  logger.info({ address: operations.address, port: operations.port }, 'operations server listening');
  return operations;
}
