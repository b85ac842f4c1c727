import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  checkReadiness,
  type Logger,
  type Metrics,
  problem,
  type ReadinessCheck,
} from '@contextflow/core-infra';

/** Options of {@link serveOperations}. */
export interface OperationsServerOptions {
  /** 0 picks a free port (tests); the chosen one is in the result. */
  readonly port: number;
  /**
   * Interface to bind (default 127.0.0.1, this machine only: metrics tell an outsider who signs in and who is
   * refused). A container sets `0.0.0.0` (`OPS_HOST`) so its scraper reaches it.
   */
  readonly hostname?: string | undefined;
  readonly metrics: Metrics;
  readonly readiness: readonly ReadinessCheck[];
  readonly logger: Logger;
}

/** A listening operations server. */
export interface OperationsServer {
  /** The address it is bound to (`127.0.0.1` unless told otherwise). */
  readonly address: string;
  readonly port: number;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, type = 'application/json'): void => {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
};

/**
 * A process's own small HTTP server for operators (the worker's, the http app's), apart from any API: `GET /metrics` (Prometheus text),
 * `GET /health/live` and `GET /health/ready` (503 problem+json naming the failed checks, never hosts or
 * versions). Anything else is 404 (405 for another method). Resolves once it listens.
 */
export function serveOperations(options: OperationsServerOptions): Promise<OperationsServer> {
  const { metrics, readiness, logger } = options;
  const routes: Readonly<Record<string, (res: ServerResponse) => Promise<void>>> = {
    '/health/live': async (res) => json(res, 200, { status: 'ok' }),
    '/health/ready': async (res) => {
      const { failed, reasons } = await checkReadiness(readiness);
      if (failed.length === 0) return json(res, 200, { status: 'ok' });
      logger.warn({ failed, reasons }, 'not ready');
      res.setHeader('Retry-After', '5');
      json(
        res,
        503,
        problem(503, 'health.not_ready', `Not ready: ${failed.join(', ')}.`),
        'application/problem+json',
      );
    },
    '/metrics': async (res) => {
      const text = await metrics.render();
      res.writeHead(200, { 'Content-Type': metrics.contentType }).end(text);
    },
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const route = routes[new URL(req.url ?? '/', 'http://operations').pathname];
    if (route === undefined)
      return json(res, 404, problem(404, 'http.not_found', 'No such route.'), 'application/problem+json');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return json(
        res,
        405,
        problem(405, 'http.method_not_allowed', 'Only GET is allowed here.'),
        'application/problem+json',
      );
    }
    await route(res);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error, path: req.url }, 'operations request failed');
      if (!res.headersSent)
        json(
          res,
          500,
          problem(500, 'internal.unexpected', 'An unexpected error occurred.'),
          'application/problem+json',
        );
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname ?? '127.0.0.1', () => {
      server.off('error', reject);
      const { address, port } = server.address() as AddressInfo;
      resolve({
        address,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
