import { ConfigError } from '@contextflow/core-infra/config';
import { describe, expect, it } from 'vitest';
import { loadConfig, tracingOf } from './load-config.js';

describe('loadConfig', () => {
  it('applies the defaults to an empty environment (embedded mode)', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      databaseUrl: undefined,
      amqpUrl: undefined,
      amqpNamespace: '',
      dataDir: undefined,
      logLevel: 'info',
      corsOrigins: [],
      nodeEnv: 'development',
      bodyLimitBytes: 1_048_576,
      workerConcurrency: 10,
      shutdownTimeoutMs: 10_000,
      workerHttpPort: 9464,
      metricsPort: 9465,
      opsHost: '127.0.0.1',
      otlpTracesEndpoint: undefined,
      otelServiceName: undefined,
      retention: { inboxDays: 7, outboxDays: 7, commandDays: 30 },
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://app@db:5432/app',
      AMQP_URL: 'amqp://guest:guest@mq:5672',
      LOG_LEVEL: 'debug',
      CORS_ORIGINS: 'https://a.example.com, http://localhost:5173',
      NODE_ENV: 'production',
      BODY_LIMIT_BYTES: '2048',
      WORKER_CONCURRENCY: '4',
      SHUTDOWN_TIMEOUT_MS: '5000',
      AMQP_NAMESPACE: 'staging.',
      DATA_DIR: '/var/lib/contextflow',
      WORKER_HTTP_PORT: '9100',
      METRICS_PORT: '9101',
      OPS_HOST: '0.0.0.0',
      INBOX_RETENTION_DAYS: '3',
      OUTBOX_RETENTION_DAYS: '2',
      COMMAND_RETENTION_DAYS: '90',
    });
    expect(config).toMatchObject({
      amqpNamespace: 'staging.',
      dataDir: '/var/lib/contextflow',
      port: 8080,
      databaseUrl: 'postgres://app@db:5432/app',
      amqpUrl: 'amqp://guest:guest@mq:5672',
      logLevel: 'debug',
      corsOrigins: ['https://a.example.com', 'http://localhost:5173'],
      nodeEnv: 'production',
      bodyLimitBytes: 2048,
      workerConcurrency: 4,
      shutdownTimeoutMs: 5000,
      workerHttpPort: 9100,
      metricsPort: 9101,
      opsHost: '0.0.0.0',
      retention: { inboxDays: 3, outboxDays: 2, commandDays: 90 },
    });
  });

  it('treats empty URLs as absent', () => {
    expect(loadConfig({ DATABASE_URL: '', AMQP_URL: ' ' })).toMatchObject({
      databaseUrl: undefined,
      amqpUrl: undefined,
    });
  });

  it('takes the nodes of a cluster as a comma-separated AMQP_URL, and refuses a list that mixes credentials', () => {
    const cluster = 'amqp://u:p@rabbit-1:5672/v,amqp://u:p@rabbit-2:5672/v,amqp://u:p@rabbit-3:5672/v';
    expect(loadConfig({ AMQP_URL: cluster }).amqpUrl).toBe(cluster);
    expect(() => loadConfig({ AMQP_URL: 'amqp://u:p@rabbit-1,amqp://other:p@rabbit-2' })).toThrow(
      /AMQP_URL lists nodes that differ in more than host and port/,
    );
  });

  it('lists every invalid variable in one line', () => {
    const error = (() => {
      try {
        loadConfig({
          PORT: 'eighty',
          DATABASE_URL: 'mysql://secret-password@db/app',
          AMQP_URL: 'not a url',
          LOG_LEVEL: 'loud',
          CORS_ORIGINS: '*',
          BODY_LIMIT_BYTES: '0',
        });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).not.toContain('\n');
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'AMQP_URL',
      'LOG_LEVEL',
      'CORS_ORIGINS',
      'BODY_LIMIT_BYTES',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).toContain('PORT must be a whole number');
    expect(message).toContain('DATABASE_URL must start with postgres:// or postgresql://');
    expect(message).toContain('AMQP_URL must be a URL');
    expect(message).not.toContain('secret-password');
  });

  it('refuses origins with a path', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example.com/app' })).toThrow(
      /CORS_ORIGINS must be origins/,
    );
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(
      'Invalid configuration: PORT must be between 0 and 65535',
    );
  });

  it('refuses a broker namespace with characters RabbitMQ names should not carry', () => {
    expect(() => loadConfig({ AMQP_NAMESPACE: 'has space' })).toThrow(/AMQP_NAMESPACE must be up to 40 of/);
  });

  it('derives the OTLP traces endpoint the way the OpenTelemetry specification does', () => {
    const base = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
      OTEL_SERVICE_NAME: 'api',
    });
    expect(base).toMatchObject({
      otlpTracesEndpoint: 'http://collector:4318/v1/traces',
      otelServiceName: 'api',
    });
    expect(tracingOf(base, 'contextflow-http')).toEqual({
      endpoint: 'http://collector:4318/v1/traces',
      serviceName: 'api',
    });
    const both = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example.com/ingest',
    });
    expect(tracingOf(both, 'contextflow-worker')).toEqual({
      endpoint: 'https://traces.example.com/ingest',
      serviceName: 'contextflow-worker',
    });
    expect(tracingOf(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: '' }), 'x')).toBeUndefined();
  });

  it('refuses an OTLP endpoint that is not an http(s) URL, and a service name with spaces', () => {
    expect(() =>
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317', OTEL_SERVICE_NAME: 'my api' }),
    ).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT must start with http:\/\/ or https:\/\/.*OTEL_SERVICE_NAME must be up to 100/,
    );
  });

  it('takes 0 as the worker operations port (a free one) and refuses one out of range', () => {
    expect(loadConfig({ WORKER_HTTP_PORT: '0' }).workerHttpPort).toBe(0);
    expect(() => loadConfig({ WORKER_HTTP_PORT: '65536' })).toThrow(
      'Invalid configuration: WORKER_HTTP_PORT must be between 0 and 65535',
    );
  });

  it('binds the operations servers to 127.0.0.1 unless OPS_HOST names another address', () => {
    expect(loadConfig({ OPS_HOST: '' }).opsHost).toBe('127.0.0.1');
    expect(loadConfig({ OPS_HOST: '::' }).opsHost).toBe('::');
    expect(loadConfig({ METRICS_PORT: '0' }).metricsPort).toBe(0);
    expect(() => loadConfig({ OPS_HOST: 'every interface' })).toThrow(
      'Invalid configuration: OPS_HOST must be an IP address (or localhost)',
    );
  });

  it('refuses a retention window of 0 days or a fraction', () => {
    expect(() => loadConfig({ INBOX_RETENTION_DAYS: '0', COMMAND_RETENTION_DAYS: '1.5' })).toThrow(
      'Invalid configuration: INBOX_RETENTION_DAYS must be between 1 and 3650; COMMAND_RETENTION_DAYS must be a whole number',
    );
  });
});
