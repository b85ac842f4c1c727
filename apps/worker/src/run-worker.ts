import type { ContextModule, Logger } from '@contextflow/core-infra';
import {
  createRuntime,
  type OtlpTracingOptions,
  postgresDatabase,
  rabbitMqTransport,
  type Runtime,
  type WorkerOptions,
} from '@contextflow/runtime';

/** What the `run` command needs. */
export interface RunWorkerOptions {
  readonly databaseUrl: string;
  readonly amqpUrl: string;
  readonly modules: readonly ContextModule[];
  readonly logger: Logger;
  readonly contexts?: readonly string[] | undefined;
  readonly concurrency?: number | undefined;
  readonly prefetch?: number | undefined;
  /** Broker name prefix (tests). */
  readonly namespace?: string | undefined;
  /** Export OpenTelemetry spans there (absent → none). */
  readonly tracing?: OtlpTracingOptions | undefined;
  /** Windows of the dedupe records the worker purges hourly; absent → none purged. */
  readonly retention?: WorkerOptions['retention'];
}

/**
 * Starts the consumers of the chosen contexts (with the dead-letter reconciler), the retention sweeper and the
 * outbox relay, logs one `worker ready` line, and returns
 * the runtime to stop at shutdown. Migrations are not applied here: `migrate` is a separate, deliberate step.
 */
export async function runWorker(options: RunWorkerOptions): Promise<Runtime> {
  const { logger, modules } = options;
  const runtime = await createRuntime({
    database: postgresDatabase({ url: options.databaseUrl }),
    transport: rabbitMqTransport({ url: options.amqpUrl }),
    modules,
    logger,
    namespace: options.namespace,
    tracing: options.tracing,
  });
  try {
    await runtime.startWorker({
      contexts: options.contexts,
      concurrency: options.concurrency,
      prefetch: options.prefetch,
      retention: options.retention,
    });
    await runtime.startRelay();
  } catch (error) {
    await runtime.stop({ deadlineMs: 1_000 });
    throw error;
  }
  const contexts = options.contexts ?? modules.map((module) => module.name);
  logger.info({ contexts, concurrency: options.concurrency ?? 10 }, 'worker ready');
  return runtime;
}
