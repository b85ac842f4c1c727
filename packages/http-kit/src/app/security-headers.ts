import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';

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

/** Node's response, when the app runs on @hono/node-server; absent under `app.request` and other runtimes. */
function nodeResponse(c: Context): ServerResponse | undefined {
  return (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
}

/** `setHeader` of a response that must never say what serves it: `X-Powered-By` is dropped, whoever sets it. */
function setHeaderButPoweredBy(
  this: ServerResponse,
  name: string,
  value: number | string | readonly string[],
): ServerResponse {
  if (name.length === 12 && name.toLowerCase() === 'x-powered-by') return this;
  return (Object.getPrototypeOf(this) as ServerResponse).setHeader.call(this, name, value);
}

/** What {@link setResponseHeaders} did, for {@link keepResponseHeaders}: nothing left to do, or the CSP to put back. */
export type PreparedHeaders = { readonly csp: string } | null;

/**
 * Puts the headers every answer carries on the response before the route runs: the security headers (the
 * CSP relaxed for `/docs` and `/console` only as far as they need) and the request's ids. On Node's server
 * they go straight onto its `ServerResponse`, which merges them under whatever the route answers (a route's
 * own value of a header wins, as it does over Hono's prepared headers) and drops `X-Powered-By` whoever sets
 * it: no web `Headers` is built, checked and copied out again per response. Elsewhere (`app.request`, other
 * runtimes) they are Hono's prepared headers, which {@link keepResponseHeaders} checks afterwards.
 */
export function setResponseHeaders(c: Context, requestId: string, correlationId: string): PreparedHeaders {
  const path = c.req.path;
  const csp = isDocs(path) ? DOCS_CSP : isConsolePath(path) ? CONSOLE_CSP : STRICT_CSP;
  const outgoing = nodeResponse(c);
  const set =
    outgoing === undefined ? c.header : (name: string, value: string) => outgoing.setHeader(name, value);
  putSecurityHeaders(set, csp);
  set('X-Request-Id', requestId);
  set('X-Correlation-Id', correlationId);
  if (outgoing === undefined) return { csp };
  outgoing.setHeader = setHeaderButPoweredBy;
  return null;
}

/**
 * After the route, where the headers were Hono's prepared ones: puts the security headers back on a bare
 * `Response` a handler returned (it does not carry them) and drops `X-Powered-By`.
 */
export function keepResponseHeaders(c: Context, prepared: PreparedHeaders): void {
  if (prepared === null) return;
  const headers = c.res.headers;
  if (!headers.has('x-content-type-options')) {
    putSecurityHeaders((name, value) => headers.set(name, value), prepared.csp);
  }
  if (headers.has('x-powered-by')) headers.delete('x-powered-by');
}

/** The security headers, the CSP given, through `set`: wherever a response's headers are kept. */
function putSecurityHeaders(set: (name: string, value: string) => unknown, csp: string): void {
  for (const [name, value] of COMMON) set(name, value);
  set('Content-Security-Policy', csp);
}
