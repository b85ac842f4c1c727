// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { type HttpEnv, Logger } from '@contextflow/core-infra';
import { Hono } from 'hono';
import { pino } from 'pino';
import { container } from 'tsyringe';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, clientAddressReader, UNTRUSTED_FORWARDED_FOR } from './client-address.js';

async function seen(hops: number, remoteAddress: string | undefined, forwardedFor?: string): Promise<string> {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddressOf(c, hops)));
  const headers = forwardedFor === undefined ? undefined : { 'x-forwarded-for': forwardedFor };
  const env = remoteAddress === undefined ? undefined : { incoming: { socket: { remoteAddress } } };
  return (await app.request('/', { headers }, env)).text();
}

describe('clientAddressOf', () => {
  it('takes the socket address and ignores X-Forwarded-For when no proxy is trusted', async () => {
    expect(await seen(0, '203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
  });

  it('takes the entry the trusted proxy appended, not what the client wrote before it', async () => {
    expect(await seen(1, '10.0.0.2', 'forged, 198.51.100.7')).toBe('198.51.100.7');
    expect(await seen(2, '10.0.0.2', '1.1.1.1, 198.51.100.7, 10.0.0.3')).toBe('198.51.100.7');
  });

  it('falls back to the socket when the header is missing or not an address', async () => {
    expect(await seen(1, '203.0.113.9')).toBe('203.0.113.9');
    expect(await seen(1, '203.0.113.9', 'garbage')).toBe('203.0.113.9');
  });

  it('unwraps IPv4-mapped addresses and reduces IPv6 to its /64', async () => {
    expect(await seen(0, '::ffff:192.0.2.4')).toBe('192.0.2.4');
    expect(await seen(0, '2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(await seen(0, '2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(await seen(0, '::1')).toBe('0:0:0:0::/64');
  });

  it('is empty when no socket is known', async () => {
    expect(await seen(0, undefined)).toBe('');
  });
});

function appWith(hops: number) {
  const lines: string[] = [];
  const scope = container.createChildContainer();
  const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line).msg) });
  scope.register(Logger, { useValue: logger });
  const app = new Hono<HttpEnv>();
  const read = clientAddressReader(hops);
  app.use(async (c, next) => {
    c.set('container', scope);
    await next();
  });
  app.get('/', (c) => c.text(read(c)));
  const request = (forwardedFor?: string) =>
    app.request(
      '/',
      { headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } },
      { incoming: { socket: { remoteAddress: '10.0.0.2' } } },
    );
  return { lines, request };
}

describe('clientAddressReader', () => {
  it('warns once, naming TRUSTED_PROXY, when X-Forwarded-For arrives while no proxy is trusted', async () => {
    const { lines, request } = appWith(0);
    expect(await (await request()).text()).toBe('10.0.0.2');
    expect(lines).toEqual([]);
    expect(await (await request('198.51.100.1')).text()).toBe('10.0.0.2');
    await request('198.51.100.2');
    expect(lines).toEqual([UNTRUSTED_FORWARDED_FOR]);
    expect(lines[0]).toContain('Set TRUSTED_PROXY');
  });

  it('says nothing when the proxy is trusted', async () => {
    const { lines, request } = appWith(1);
    expect(await (await request('198.51.100.1')).text()).toBe('198.51.100.1');
    expect(lines).toEqual([]);
  });
});
