import type { ContextModule, Logger } from '@contextflow/core-infra';
import { createRuntime, postgresDatabase, rabbitMqTransport, type Runtime } from '@contextflow/runtime';

/** Starts the consumers of every module and the outbox relay; the caller stops the runtime. */
export async function runWorker(options: {
  readonly databaseUrl: string;
  readonly amqpUrl: string;
  readonly namespace: string;
  readonly modules: readonly ContextModule[];
  readonly logger: Logger;
}): Promise<Runtime> {
  const runtime = await createRuntime({
    database: postgresDatabase({ url: options.databaseUrl }),
    transport: rabbitMqTransport({ url: options.amqpUrl }),
    namespace: options.namespace,
    modules: options.modules,
    logger: options.logger,
  });
  await runtime.startWorker();
  await runtime.startRelay();
  return runtime;
}
