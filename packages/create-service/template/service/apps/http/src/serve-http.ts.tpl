import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** A listening HTTP server. */
export interface HttpServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves a fetch handler; resolves once it listens, rejects if it cannot. */
export function serveHttp(
  app: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> },
  options: { port: number; hostname?: string },
): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    const server = serve({
      fetch: (request, env) => app.fetch(request, env),
      port: options.port,
      ...(options.hostname === undefined ? {} : { hostname: options.hostname }),
    }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      const { address, port } = server.address() as AddressInfo;
      const host = address === '::' || address === '0.0.0.0' ? 'localhost' : address;
      resolve({
        url: `http://${host}:${port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
