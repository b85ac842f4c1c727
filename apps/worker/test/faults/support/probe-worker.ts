// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill before anything else
import 'reflect-metadata';
import { createLogger } from '@contextflow/core-infra';
import { createRuntime, postgresDatabase, rabbitMqTransport, stopOnSignals } from '@contextflow/runtime';
import { failuresModule } from '@contextflow/runtime/operations';
import { probeModule } from './probe-module.ts';
import { FAULT_RETRY_POLICY } from './retry.ts';

// A worker process of the fault suite (run by Node itself, on the built packages): the probe context's
// consumers, the operator actions on failures (as the worker app runs them) and the outbox relay, against
// DATABASE_URL, AMQP_URL and AMQP_NAMESPACE; SIGTERM stops it as SIGTERM stops the worker app.
const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};
const worker = env('WORKER_NAME');
const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 5);
const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'info', name: worker });
const runtime = await createRuntime({
  // The private server allows 50 connections and a scenario runs up to four workers.
  database: postgresDatabase({ url: env('DATABASE_URL'), poolSize: concurrency + 2 }),
  transport: rabbitMqTransport({ url: env('AMQP_URL'), publishTimeoutMs: 5_000 }),
  namespace: env('AMQP_NAMESPACE'),
  modules: [probeModule(worker), failuresModule],
  logger,
  retry: FAULT_RETRY_POLICY,
});
await runtime.startWorker({ concurrency });
await runtime.startRelay();
logger.info('worker ready');
// The worker app's shutdown: readiness off, stop consuming, finish in-flight work, flush the relay, exit 0.
stopOnSignals({
  runtime,
  logger,
  deadlineMs: Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 5_000),
  draining: 'in-flight messages',
});
