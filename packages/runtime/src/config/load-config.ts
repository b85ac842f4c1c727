import { isIP } from 'node:net';
import { ConfigError, oneOf, optionalText, optionalUrl, wholeNumber } from '@contextflow/core-infra/config';
import { z } from 'zod';
import { amqpNodesProblem } from '../messaging/amqp-nodes.js';

const origins = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
  )
  .refine((list) => !list.includes('*'), 'is an allowlist: "*" is not allowed')
  .refine(
    (list) => list.every((o) => o === '*' || (URL.canParse(o) && new URL(o).origin === o)),
    'must be origins like https://app.example.com (scheme, host, optional port; no path)',
  );

const schema = z.object({
  PORT: wholeNumber(3000, 0, 65_535),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  // One node, or the nodes of a cluster comma-separated (see amqpNodes).
  AMQP_URL: optionalText.superRefine((value, ctx) => {
    const problem = value === undefined ? undefined : amqpNodesProblem(value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  }),
  AMQP_NAMESPACE: z
    .string()
    .trim()
    .default('')
    .refine((value) => /^[a-z0-9._-]{0,40}$/.test(value), 'must be up to 40 of a-z 0-9 . _ -'),
  DATA_DIR: optionalText,
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: origins,
  NODE_ENV: oneOf(['development', 'production', 'test']).default('development'),
  BODY_LIMIT_BYTES: wholeNumber(1024 * 1024, 1, 100 * 1024 * 1024),
  WORKER_CONCURRENCY: wholeNumber(10, 1, 1000),
  SHUTDOWN_TIMEOUT_MS: wholeNumber(10_000, 0, 600_000),
  WORKER_HTTP_PORT: wholeNumber(9464, 0, 65_535),
  METRICS_PORT: wholeNumber(9465, 0, 65_535),
  OPS_HOST: z
    .string()
    .trim()
    .default('127.0.0.1')
    .transform((value) => (value === '' ? '127.0.0.1' : value))
    .refine((value) => isIP(value) !== 0 || value === 'localhost', 'must be an IP address (or localhost)'),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(['http:', 'https:']),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalUrl(['http:', 'https:']),
  OTEL_SERVICE_NAME: optionalText.refine(
    (value) => value === undefined || /^[\w.-]{1,100}$/.test(value),
    'must be up to 100 of A-Z a-z 0-9 _ . -',
  ),
  INBOX_RETENTION_DAYS: wholeNumber(7, 1, 3650),
  OUTBOX_RETENTION_DAYS: wholeNumber(7, 1, 3650),
  COMMAND_RETENTION_DAYS: wholeNumber(30, 1, 3650),
});

/** The process configuration, validated; `databaseUrl`/`amqpUrl` absent means embedded mode. */
export interface AppConfig {
  readonly port: number;
  readonly databaseUrl: string | undefined;
  /** One `amqp://` URL, or several comma-separated: the nodes of a cluster (`amqpNodes` reads it). */
  readonly amqpUrl: string | undefined;
  /** Prefix of every broker name, so several systems (or test runs) can share a broker; empty by default. */
  readonly amqpNamespace: string;
  /** Data directory of embedded mode (PGlite); absent → in memory. */
  readonly dataDir: string | undefined;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly corsOrigins: readonly string[];
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly bodyLimitBytes: number;
  readonly workerConcurrency: number;
  readonly shutdownTimeoutMs: number;
  /** Port of the worker's operations server (`/metrics`, `/health/*`); 0 picks a free one. */
  readonly workerHttpPort: number;
  /** Port of the http app's operations server (`/metrics`, `/health/*`), never the API port; 0 picks a free one. */
  readonly metricsPort: number;
  /**
   * Interface both operations servers bind (`OPS_HOST`): 127.0.0.1 by default, so metrics stay on the machine;
   * a container sets 0.0.0.0 for its scraper.
   */
  readonly opsHost: string;
  /**
   * Where OpenTelemetry spans go (OTLP/HTTP, JSON): `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` as it is, else
   * `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`; absent → no spans are exported.
   */
  readonly otlpTracesEndpoint: string | undefined;
  /** `OTEL_SERVICE_NAME`; each app has its own default. */
  readonly otelServiceName: string | undefined;
  /**
   * How long the worker keeps dedupe records, in days: inbox rows (events handled), published outbox rows,
   * and terminal commands (their status, result and idempotency key). Past that, a redelivery or a replayed
   * idempotency key is no longer recognised.
   */
  readonly retention: {
    readonly inboxDays: number;
    readonly outboxDays: number;
    readonly commandDays: number;
  };
}

/** The traces endpoint the OpenTelemetry specification derives from the two variables. */
function tracesEndpoint(base: string | undefined, traces: string | undefined): string | undefined {
  if (traces !== undefined) return traces;
  if (base === undefined) return undefined;
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}

/** The tracing options of a runtime for this configuration: `undefined` unless an OTLP endpoint is set. */
export function tracingOf(
  config: AppConfig,
  defaultServiceName: string,
): { readonly endpoint: string; readonly serviceName: string } | undefined {
  if (config.otlpTracesEndpoint === undefined) return undefined;
  return { endpoint: config.otlpTracesEndpoint, serviceName: config.otelServiceName ?? defaultServiceName };
}

/**
 * Reads and validates the configuration from the environment. Throws a {@link ConfigError} listing every
 * invalid variable at once (never their values: they may hold credentials).
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    amqpUrl: c.AMQP_URL,
    amqpNamespace: c.AMQP_NAMESPACE,
    dataDir: c.DATA_DIR,
    logLevel: c.LOG_LEVEL,
    corsOrigins: c.CORS_ORIGINS,
    nodeEnv: c.NODE_ENV,
    bodyLimitBytes: c.BODY_LIMIT_BYTES,
    workerConcurrency: c.WORKER_CONCURRENCY,
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_MS,
    workerHttpPort: c.WORKER_HTTP_PORT,
    metricsPort: c.METRICS_PORT,
    opsHost: c.OPS_HOST,
    otlpTracesEndpoint: tracesEndpoint(c.OTEL_EXPORTER_OTLP_ENDPOINT, c.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT),
    otelServiceName: c.OTEL_SERVICE_NAME,
    retention: {
      inboxDays: c.INBOX_RETENTION_DAYS,
      outboxDays: c.OUTBOX_RETENTION_DAYS,
      commandDays: c.COMMAND_RETENTION_DAYS,
    },
  };
}
