import type { MiddlewareHandler } from 'hono';

const STRICT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
// Swagger UI: its own scripts and styles (it sets inline style attributes), data: images, calls to this origin.
const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// The operations console: its own script and stylesheet only, never inline; forms post to itself.
const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const COMMON: readonly (readonly [string, string])[] = [
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Cache-Control', 'no-store'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

function isDocs(path: string): boolean {
  return path === '/docs' || path.startsWith('/docs/');
}

/** Whether a path is the operations console's (server-rendered pages that post forms). */
export function isConsolePath(path: string): boolean {
  return path === '/console' || path.startsWith('/console/');
}

/**
 * Security headers on every response, errors included. They are prepared before `next()` (cheap for
 * @hono/node-server) and re-applied afterwards only when a handler returned a bare `Response` that lost them.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path;
    const csp = isDocs(path) ? DOCS_CSP : isConsolePath(path) ? CONSOLE_CSP : STRICT_CSP;
    for (const [name, value] of COMMON) c.header(name, value);
    c.header('Content-Security-Policy', csp);
    await next();
    if (!c.res.headers.has('x-content-type-options')) {
      for (const [name, value] of COMMON) c.res.headers.set(name, value);
      c.res.headers.set('Content-Security-Policy', csp);
    }
    if (c.res.headers.has('x-powered-by')) c.res.headers.delete('x-powered-by');
  };
}
