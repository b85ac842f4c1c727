import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const JSON_TYPE = /^application\/([a-z0-9.-]+\+)?json\s*(;|$)/i;

/**
 * Answers 415 for a POST/PUT/PATCH that carries a body that is not declared as JSON, before any route
 * reads it. Bodiless requests pass (`Content-Length: 0`, or no body at all).
 */
export function requireJsonBody(): MiddlewareHandler {
  return async (c, next) => {
    if (WITH_BODY.has(c.req.method) && c.req.raw.body !== null) {
      const length = c.req.header('content-length');
      const hasBody = length === undefined ? true : Number(length) > 0;
      if (hasBody && !JSON_TYPE.test(c.req.header('content-type') ?? '')) {
        throw new HTTPException(415, { message: 'Unsupported Media Type' });
      }
    }
    await next();
  };
}
