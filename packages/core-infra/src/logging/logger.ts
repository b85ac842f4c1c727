import { token } from '@contextflow/core';
import { type DestinationStream, type Logger as PinoLogger, pino } from 'pino';
import { telemetryLogFields } from '../telemetry/telemetry-context.js';

/** The structured (JSON) logger every adapter writes to. */
export type Logger = PinoLogger;

/** Token of {@link Logger}. */
export const Logger = token<Logger>('core-infra.Logger');

/**
 * Keys whose values never reach a log line, wherever they sit in what is logged: at the top, in nested
 * objects and arrays (to a depth of 8), or as own properties of a logged error.
 */
export const REDACTED_KEYS: ReadonlySet<string> = new Set([
  'password',
  'passwordHash',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'deviceToken',
  'authorization',
  'cookie',
  'set-cookie',
  'privateKey',
  'secret',
  'clientSecret',
  'apiKey',
  'databaseUrl',
  'amqpUrl',
  'connectionString',
]);

const CENSOR = '[redacted]';
const MAX_DEPTH = 8;

/**
 * `value` with every {@link REDACTED_KEYS} value censored; copies only what it changes and returns `value`
 * itself when nothing is secret, so an ordinary line costs a walk over its keys. An error is serialized
 * first (pino's own serializer), so its enumerable own properties are checked too. Pino's path-based
 * `redact` did this job at about 55 µs per line with this many wildcard paths: more than a primary-key read.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value;
  if (value instanceof Error) return redactKeys(pino.stdSerializers.err(value), depth);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const redacted = redactSecrets(value[i], depth + 1);
      if (redacted !== value[i]) (copy ??= [...value])[i] = redacted;
    }
    return copy ?? value;
  }
  // Plain records, and pino's serialized errors (a nested `cause`), whose prototype is a bare object; not
  // class instances (dates, buffers, maps).
  const prototype: unknown = Object.getPrototypeOf(value);
  const record = prototype === null || (value as { constructor?: unknown }).constructor === Object;
  return record ? redactKeys(value, depth) : value;
}

/** The own enumerable keys of `record` redacted; a copy keeps the prototype (a serialized error's getters). */
function redactKeys(record: object, depth: number): object {
  const entries = record as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(entries)) {
    const original = entries[key];
    const redacted =
      REDACTED_KEYS.has(key) && original !== undefined ? CENSOR : redactSecrets(original, depth + 1);
    if (redacted !== original) {
      copy ??= Object.assign(
        Object.create(Object.getPrototypeOf(record) as object | null) as Record<string, unknown>,
        record,
      );
      copy[key] = redacted;
    }
  }
  return copy ?? record;
}

const redactRecord = (record: Record<string, unknown>) => redactSecrets(record) as Record<string, unknown>;
// `err` was serialized (and redacted) by the log formatter already; pino's own serializer would do it again.
const serializedError = (value: unknown) => (value instanceof Error ? redactSecrets(value) : value);

/**
 * Standard output, written asynchronously: a line never blocks the event loop on a write(2), and lines written
 * while one write is in flight leave together. Nothing waits for a buffer to fill, so a line still leaves at
 * once; pino flushes what is pending synchronously when the process exits. The lines are handed over as bytes:
 * given text, sonic-boom measures the whole pending text again for every line it appends (up to 16 KiB per
 * line while a write is in flight), where given bytes it adds up their lengths.
 */
function stdout(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: false, contentMode: 'buffer' });
  return {
    write: (line: string) => {
      stream.write(Buffer.from(line) as unknown as string);
    },
    // What `logger.flush()` calls.
    flush: (callback?: (error?: Error) => void) => stream.flush(callback),
  } as DestinationStream;
}

/**
 * Creates the process logger: JSON lines to stdout (or `destination`), secrets redacted, and on every line
 * written while a request or message is handled its trace id, span id, request, correlation and causation ids
 * (from the current {@link TelemetryContext}), without any call site passing them.
 */
export function createLogger(
  options: { level?: string; name?: string; destination?: DestinationStream } = {},
): Logger {
  const logger = pino(
    {
      level: options.level ?? 'info',
      ...(options.name === undefined ? {} : { name: options.name }),
      formatters: { log: redactRecord },
      serializers: { err: serializedError },
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: telemetryLogFields,
    },
    options.destination ?? stdout(),
  );
  // A child's bindings are serialized once, when it is made, past the log formatter: redact them there.
  // Children inherit this `child` (pino makes them with Object.create), so grandchildren are covered too.
  const { child } = Object.getPrototypeOf(logger) as Pick<Logger, 'child'>;
  logger.child = function (this: Logger, bindings, childOptions) {
    return child.call(this, redactRecord(bindings), childOptions);
  } as Logger['child'];
  return logger;
}
