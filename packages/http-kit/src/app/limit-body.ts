import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';

const tooLarge = (): never => {
  throw new HTTPException(413, { message: 'Payload Too Large' });
};

/**
 * 413 for a request body over `maxSize` bytes. On Node's HTTP/1.1 server it decides from the framing headers
 * alone: a declared `Content-Length` is compared, and a request with neither it nor `Transfer-Encoding` has no
 * body (RFC 9112 §6.3), so the route reads the body straight from the socket (@hono/node-server's fast path,
 * no web `Request` or stream). Hono's `bodyLimit` reads `c.req.raw.body`, which builds the full web Request on
 * every request, GETs included; it still serves chunked bodies and other runtimes (tests' `app.request`).
 */
export function limitBody(maxSize: number): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return (c, next) => {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (incoming?.httpVersionMajor !== 1 || incoming.headers['transfer-encoding'] !== undefined) {
      return streamed(c, next);
    }
    const length = incoming.headers['content-length'];
    if (length !== undefined && Number(length) > maxSize) tooLarge();
    return next();
  };
}
