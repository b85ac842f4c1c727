import { type DestinationStream, pino, type Logger as PinoLogger } from 'pino';
import { token } from '@contextflow/core';
import { telemetryLogFields } from './observability/telemetry-context.js';

/** The structured (JSON) logger every adapter writes to. */
export type Logger = PinoLogger;

/** Token of {@link Logger}. */
export const Logger = token<Logger>('core-infra.Logger');

/** Paths whose values never reach a log line. */
export const REDACTED_PATHS: readonly string[] = [
  'password',
  '*.password',
  '*.*.password',
  'passwordHash',
  '*.passwordHash',
  '*.*.passwordHash',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  '*.*.refreshToken',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.cookie',
  'privateKey',
  '*.privateKey',
  'newPassword',
  '*.newPassword',
  'currentPassword',
  '*.currentPassword',
  'secret',
  '*.secret',
  'clientSecret',
  '*.clientSecret',
  'apiKey',
  '*.apiKey',
  'cookie',
  '*.cookie',
  'headers.authorization',
  'headers.cookie',
  '*.headers["set-cookie"]',
  'databaseUrl',
  '*.databaseUrl',
  'amqpUrl',
  '*.amqpUrl',
  'connectionString',
  '*.connectionString',
];

/**
 * Creates the process logger: JSON lines to stdout (or `destination`), secrets redacted, and on every line
 * written while a request or message is handled its trace id, span id, request, correlation and causation ids
 * (from the current {@link TelemetryContext}), without any call site passing them.
 */
export function createLogger(
  options: { level?: string; name?: string; destination?: DestinationStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      ...(options.name === undefined ? {} : { name: options.name }),
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: telemetryLogFields,
    },
    // Asynchronous writes: a line never blocks the event loop on a write(2), and lines written while one
    // write is in flight leave together. Nothing waits for a buffer to fill, so a line still leaves at once;
    // pino flushes what is pending synchronously when the process exits.
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
