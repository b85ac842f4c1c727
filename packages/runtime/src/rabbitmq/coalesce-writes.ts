import type { Writable } from 'node:stream';

const coalesced = new WeakSet<Writable>();

/**
 * Makes the writes to `socket` during one turn of the event loop leave in one system call: the first write of
 * a turn corks the socket and the check phase (`setImmediate`, after every I/O callback of the turn has run)
 * uncorks it, so the frames written meanwhile go out together in one `writev`.
 *
 * For the AMQP connection, which many callers share: publishes from the relay, acknowledgements from the
 * consumers, confirms awaited by both. On this kind of machine a loopback write costs tens of µs of CPU, and a
 * worker turn often settles several deliveries at once. The added latency is the rest of the turn.
 * Idempotent per socket.
 */
export function coalesceWrites(socket: Writable): void {
  if (coalesced.has(socket)) return;
  coalesced.add(socket);
  let corked = false;
  const flush = (): void => {
    corked = false;
    socket.uncork();
  };
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  socket.write = ((...args: unknown[]) => {
    if (!corked && !socket.destroyed) {
      corked = true;
      socket.cork();
      setImmediate(flush);
    }
    return write(...args);
  }) as Writable['write'];
}
