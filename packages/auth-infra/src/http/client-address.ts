import { isIP } from 'node:net';
import { type HttpEnv, Logger } from '@contextflow/core-infra';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

// An IPv6 client controls at least a /64, so throttling one address of it would throttle nothing.
function ipv6Prefix(address: string): string {
  const [head = '', tail] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

function normalise(raw: string): string {
  const address = raw.trim().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined) return mapped[1];
  if (isIP(address) === 6) return ipv6Prefix(address.toLowerCase());
  return isIP(address) === 4 ? address : '';
}

function socketAddress(c: Context): string {
  const env = c.env as { incoming?: unknown; server?: { incoming?: unknown } } | undefined;
  // Only @hono/node-server provides the socket; `app.request()` in tests passes it in the same place.
  if (env?.incoming === undefined && env?.server?.incoming === undefined) return '';
  return getConnInfo(c).remote.address ?? '';
}

/**
 * The client's address for throttling: the socket's peer, or with `trustedProxyHops` N > 0 the N-th
 * `X-Forwarded-For` entry from the right (the address the outermost trusted proxy saw); a client cannot forge
 * it because every entry left of that one is ignored. IPv4-mapped addresses are unwrapped and IPv6 addresses
 * reduced to their /64. Empty when unknown (the handlers then throttle by account only).
 */
export function clientAddressOf(c: Context, trustedProxyHops: number): string {
  if (trustedProxyHops > 0) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').filter((hop) => hop.trim() !== '');
    const seen = hops[hops.length - trustedProxyHops];
    const address = seen === undefined ? '' : normalise(seen);
    if (address !== '') return address;
  }
  return normalise(socketAddress(c));
}

/** The line logged the first time `X-Forwarded-For` arrives while no proxy is trusted. */
export const UNTRUSTED_FORWARDED_FOR =
  'X-Forwarded-For arrived but TRUSTED_PROXY=0, so client addresses are taken from the socket: behind a ' +
  'proxy every client then shares the proxy address for throttling (one client can get all others refused). ' +
  'Set TRUSTED_PROXY to the number of proxies in front of the app.';

/**
 * {@link clientAddressOf} for a fixed `trustedProxyHops`. With 0, the first request that carries
 * `X-Forwarded-For` logs {@link UNTRUSTED_FORWARDED_FOR} once, at warn (through the container's `Logger`):
 * a request through a proxy means the setting is probably wrong.
 */
export function clientAddressReader(trustedProxyHops: number): (c: Context<HttpEnv>) => string {
  let warned = trustedProxyHops > 0;
  return (c) => {
    if (!warned && c.req.header('x-forwarded-for') !== undefined) {
      warned = true;
      const { container } = c.var;
      if (container.isRegistered(Logger, true))
        container.resolve<Logger>(Logger).warn(UNTRUSTED_FORWARDED_FOR);
    }
    return clientAddressOf(c, trustedProxyHops);
  };
}
