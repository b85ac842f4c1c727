import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** A listening HTTP server. */
export interface HttpServer {
  /** Where it listens (`http://localhost:3000` when bound to every interface). */
  readonly url: string;
  readonly port: number;
  /**
   * Stops accepting connections, lets in-flight requests finish and closes idle keep-alive sockets; after
   * `graceMs` it cuts the connections still open. Resolves once the server is closed.
   */
  close(graceMs: number): Promise<void>;
}

/** Timeouts that keep slow or stalled clients from holding sockets (slowloris); responses may take longer. */
const TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000 };

/** Serves a fetch handler with @hono/node-server; resolves once it listens, rejects if it cannot. */
export function serveHttp(
  app: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> },
  options: { port: number; hostname?: string },
): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    const server = serve({
      // The env carries Node's request (`incoming`), which the body limit reads its framing from.
      fetch: (request, env) => app.fetch(request, env),
      port: options.port,
      ...(options.hostname === undefined ? {} : { hostname: options.hostname }),
      serverOptions: TIMEOUTS,
    }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      const { address, port } = server.address() as AddressInfo;
      const host =
        address === '::' || address === '0.0.0.0'
          ? 'localhost'
          : address.includes(':')
            ? `[${address}]`
            : address;
      resolve({ url: `http://${host}:${port}`, port, close: (graceMs) => close(server, graceMs) });
    });
  });
}

function close(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Keep-alive sockets turn idle only once their in-flight response is sent: sweep them until closed.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close((error) => {
      clearInterval(sweep);
      clearTimeout(cut);
      if (error === undefined) resolve();
      else reject(error);
    });
    server.closeIdleConnections();
  });
}
