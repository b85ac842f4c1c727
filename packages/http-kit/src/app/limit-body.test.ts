import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitBody } from './limit-body.js';

/** A real Node server: the framing headers are what the client sent, as in production. */
describe('limitBody on the Node server', () => {
  let server: ServerType;
  let port: number;
  beforeAll(async () => {
    const app = new Hono();
    app.onError((error, c) => c.text(error.message, error instanceof HTTPException ? error.status : 500));
    app.use(limitBody(64));
    // What the route read of the body.
    app.all('/echo', async (c) => c.json({ text: await c.req.text(), method: c.req.method }));
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends `chunks` (one write each) with the given headers; answers status and body. */
  const send = (method: string, headers: Record<string, string>, chunks: string[]) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/echo', method, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });

  it('passes a body within the limit and a request with no body', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(10) });
    expect(await send('POST', { 'content-length': String(body.length) }, [body])).toEqual({
      status: 200,
      body: JSON.stringify({ text: body, method: 'POST' }),
    });
    expect(await send('GET', {}, [])).toEqual({
      status: 200,
      body: JSON.stringify({ text: '', method: 'GET' }),
    });
  });

  it('answers 413 for a declared length over the limit, before reading it', async () => {
    const body = 'x'.repeat(65);
    expect(await send('POST', { 'content-length': String(body.length) }, [body])).toMatchObject({
      status: 413,
    });
  });

  it('answers 413 for a chunked body that grows over the limit, and passes a small one', async () => {
    const chunked = { 'transfer-encoding': 'chunked' };
    expect(await send('POST', chunked, ['x'.repeat(40), 'y'.repeat(40)])).toMatchObject({ status: 413 });
    expect(await send('POST', chunked, ['ab', 'cd'])).toEqual({
      status: 200,
      body: JSON.stringify({ text: 'abcd', method: 'POST' }),
    });
  });
});
