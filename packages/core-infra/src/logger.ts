import { pino, type Logger as PinoLogger } from 'pino';
import { token } from '@contextflow/core';

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
];

/** Creates the process logger: JSON lines to stdout, secrets redacted. */
export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({
    level: options.level ?? 'info',
    ...(options.name === undefined ? {} : { name: options.name }),
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
