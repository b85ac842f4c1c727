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

  it('rejects when the port is taken', async () => {
    const first = await serveHttp({ fetch: () => new Response('') }, { port: 0, hostname: '127.0.0.1' });
    await expect(
      serveHttp({ fetch: () => new Response('') }, { port: first.port, hostname: '127.0.0.1' }),
    ).rejects.toThrow(/EADDRINUSE/);
    await first.close(100);
  });
});
