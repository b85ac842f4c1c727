import type { Writable } from 'node:stream';

/** A socket's coalescing: whether it holds this turn's writes, and who waits for them to go out. */
interface Coalescing {
  corked: boolean;
  readonly waiting: (() => void)[];
}

const coalescing = new WeakMap<Writable, Coalescing>();

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
  if (coalescing.has(socket)) return;
  const state: Coalescing = { corked: false, waiting: [] };
  coalescing.set(socket, state);
  const flush = (): void => {
    state.corked = false;
    socket.uncork();
    for (const resume of state.waiting.splice(0)) resume();
  };
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  socket.write = ((...args: unknown[]) => {
    if (!state.corked && !socket.destroyed) {
      state.corked = true;
      socket.cork();
      setImmediate(flush);
    }
    return write(...args);
  }) as Writable['write'];
}

/**
 * Resolves once the writes {@link coalesceWrites} holds on `socket` in this turn have been handed on (at once
 * when it holds none): a cork of its own, which readers of `writableCorked` must not take for one of theirs.
 */
export function writtenOut(socket: Writable): Promise<void> {
  const state = coalescing.get(socket);
  if (state === undefined || !state.corked) return Promise.resolve();
  return new Promise((resume) => state.waiting.push(resume));
}
