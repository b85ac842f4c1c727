import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isConsolePath } from './security-headers.js';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const JSON_TYPE = /^application\/([a-z0-9.-]+\+)?json\s*(;|$)/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/** Whether the request carries a non-empty body. Framing headers answer on a real server; a bare Request (tests, other runtimes) is peeked. */
async function hasBody(request: Request): Promise<boolean> {
  if (request.body === null) return false;
  const length = request.headers.get('content-length');
  if (length !== null) return Number(length) > 0;
  if (request.headers.has('transfer-encoding')) return true;
  const reader = request.clone().body?.getReader();
  if (reader === undefined) return false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      if (value.byteLength > 0) return true;
    }
  } finally {
    // Cancelling one branch of a tee settles only when the other is cancelled too: don't wait for it.
    void reader.cancel().catch(() => undefined);
  }
}

/**
 * Answers 415 for a POST/PUT/PATCH that carries a body that is not declared as JSON (a form, under `/console`),
 * before any route reads it. Bodiless requests pass (`Content-Length: 0`, or no body at all).
 */
export function requireJsonBody(): MiddlewareHandler {
  return (c, next) => {
    if (!WITH_BODY.has(c.req.method)) return next();
    const type = c.req.header('content-type') ?? '';
    // The console's pages post HTML forms; everything else takes JSON only.
    if (JSON_TYPE.test(type) || (FORM_TYPE.test(type) && isConsolePath(c.req.path))) return next();
    return hasBody(c.req.raw).then((body) => {
      if (body) throw new HTTPException(415, { message: 'Unsupported Media Type' });
      return next();
    });
  };
}
