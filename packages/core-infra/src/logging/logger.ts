import { writeSync } from 'node:fs';
import { isoStringAt, token } from '@contextflow/core';
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

/** Longest a line waits before it is handed to the write: every line of the interval leaves in one write. */
export const LOG_HAND_OVER_MS = 10;

/** Where {@link gatherLines} hands lines over: sonic-boom in buffer mode. */
export interface LineSink {
  write(bytes: Buffer): unknown;
  flush(callback?: (error?: Error) => void): void;
}

/**
 * A pino destination that gathers the lines written within `intervalMs` of the first and hands them to
 * `sink` together, as one buffer; `flush` (what `logger.flush()` calls) hands over at once, `take` takes
 * what is gathered back.
 */
export function gatherLines(
  sink: LineSink,
  intervalMs = LOG_HAND_OVER_MS,
): DestinationStream & {
  flush(callback?: (error?: Error) => void): void;
  take(): string;
} {
  let pending = '';
  let timer: NodeJS.Timeout | undefined;
  const take = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const lines = pending;
    pending = '';
    return lines;
  };
  const handOver = () => {
    const lines = take();
    if (lines !== '') sink.write(Buffer.from(lines));
  };
  return {
    write: (line: string) => {
      pending += line;
      timer ??= setTimeout(handOver, intervalMs).unref();
    },
    flush: (callback) => {
      handOver();
      sink.flush(callback);
    },
    take,
  };
}

/**
 * Lines to `fd` (standard output), written asynchronously: a line never blocks the event loop on a write(2).
 * They are gathered for up to {@link LOG_HAND_OVER_MS} and handed to sonic-boom together, as bytes
 * ({@link gatherLines}): each write sonic-boom starts goes through libuv's thread pool (waking a thread, and
 * the loop again when it is done), 20–30 µs of the loop's time on this kind of machine, so under load one write
 * per interval instead of one per few lines is several µs less per request; given bytes, sonic-boom also adds
 * up lengths instead of measuring its pending text again for every line. When the process exits (`exits`
 * emits `exit`), what sonic-boom holds and then what is still gathered are written synchronously: a write
 * started then would never finish.
 */
export function gatheredOutput(
  fd: number,
  exits: { once(event: 'exit', listener: () => void): unknown } = process,
): DestinationStream {
  const stream = pino.destination({ dest: fd, sync: false, contentMode: 'buffer' });
  const gathered = gatherLines({
    write: (bytes) => stream.write(bytes as unknown as string),
    flush: (callback) => stream.flush(callback),
  });
  exits.once('exit', () => {
    const rest = gathered.take();
    try {
      stream.flushSync();
      if (rest !== '') writeSync(fd, rest);
    } catch {
      // Closed, or not open yet: nothing more can be written.
    }
  });
  return gathered;
}

/** Standard output's {@link gatheredOutput}, one per process: every logger writing there shares it. */
let standardOutput: DestinationStream | undefined;

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
      // pino's `isoTime`, the same text, without `toISOString`'s cost.
      timestamp: () => `,"time":"${isoStringAt(Date.now())}"`,
      mixin: telemetryLogFields,
    },
    options.destination ?? (standardOutput ??= gatheredOutput(1)),
  );
  // A child's bindings are serialized once, when it is made, past the log formatter: redact them there.
  // Children inherit this `child` (pino makes them with Object.create), so grandchildren are covered too.
  const { child } = Object.getPrototypeOf(logger) as Pick<Logger, 'child'>;
  logger.child = function (this: Logger, bindings, childOptions) {
    return child.call(this, redactRecord(bindings), childOptions);
  } as Logger['child'];
  return logger;
}
