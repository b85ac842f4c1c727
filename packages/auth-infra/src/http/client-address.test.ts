import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './client-address.js';

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
