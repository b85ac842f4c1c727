// Socket errors of a server that is gone or unreachable.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
// SQLSTATEs of a server shutting down or starting (57P0x) and of too many connections (53300); class 08 too.
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
// pg's own errors for a connection lost mid-query or not obtained in time carry no code.
const MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|terminating connection/i;

/**
 * Whether `error` says the database cannot be reached right now (refused, dropped, shutting down, out of
 * connections) rather than anything about the work itself: such a failure says nothing about the message and
 * must not count as one of its attempts.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))
    )
      return true;
    if (MESSAGES.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}
