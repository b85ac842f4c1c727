import { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { serveHttp } from './serve-http.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: (() => void) | undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve: () => resolve?.() };
}

describe('serveHttp', () => {
  it('lets an in-flight request finish when closing, then stops accepting', async () => {
    const gate = deferred();
    const server = await serveHttp(
      {
        fetch: async (request) => {
          if (new URL(request.url).pathname === '/slow') await gate.promise;
          return new Response('done');
        },
      },
      { port: 0, hostname: '127.0.0.1' },
    );
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const inFlight = fetch(`${server.url}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = server.close(5_000);
    gate.resolve();
    const res = await inFlight;
    expect(await res.text()).toBe('done');
    await closed;
    await expect(fetch(`${server.url}/`)).rejects.toThrow('fetch failed');
  });

  it("hands the app Node's request in its env (the body limit reads the framing headers from it)", async () => {
    const server = await serveHttp(
      {
        fetch: (_request, env) => {
          const incoming = (env as { incoming?: IncomingMessage } | undefined)?.incoming;
          return new Response(
            incoming instanceof IncomingMessage ? String(incoming.headers['x-probe']) : 'no env',
          );
        },
      },
      { port: 0, hostname: '127.0.0.1' },
    );
    try {
      const res = await fetch(server.url, { headers: { 'x-probe': 'seen' } });
      expect(await res.text()).toBe('seen');
    } finally {
      await server.close(1_000);
    }
  });

  it('rejects when the port is taken', async () => {
    const first = await serveHttp({ fetch: () => new Response('') }, { port: 0, hostname: '127.0.0.1' });
    await expect(
      serveHttp({ fetch: () => new Response('') }, { port: first.port, hostname: '127.0.0.1' }),
    ).rejects.toThrow(/EADDRINUSE/);
    await first.close(100);
  });
});
