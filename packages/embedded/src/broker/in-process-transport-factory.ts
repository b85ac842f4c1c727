import type { TransportFactory } from '@contextflow/runtime/messaging';
import { InProcessTransport } from './in-process-transport.js';

/**
 * A broker inside the process as the transport of a runtime, for `pnpm dev` and tests: only this process's
 * consumers receive what it carries, and what they did not take at a graceful stop goes back to the outbox.
 */
export function inProcessTransport(): TransportFactory {
  return { kind: 'in-process', create: ({ logger }) => new InProcessTransport({ logger }) };
}
