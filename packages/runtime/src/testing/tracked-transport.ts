import type { MessageTransport } from '../messaging/message-transport.js';
import type { TransportFactory } from '../messaging/transport-factory.js';

/** A transport factory whose transports count the handlers running now, for the test harness. */
export interface TrackedTransportFactory extends TransportFactory {
  /** Handlers running now across every consumer of the transport it made. */
  inFlight(): number;
  /** The transport it made, once the runtime asked for one. */
  made(): MessageTransport | undefined;
}

/** Wraps `factory` so its transport's consumers count the handlers in flight. */
export function trackedTransport(factory: TransportFactory): TrackedTransportFactory {
  let running = 0;
  let made: MessageTransport | undefined;
  return {
    kind: factory.kind,
    inFlight: () => running,
    made: () => made,
    create(context): MessageTransport {
      const transport = factory.create(context);
      made = {
        scope: transport.scope,
        declare: (topology) => transport.declare(topology),
        publish: (message) => transport.publish(message),
        consume: (options, handler) =>
          transport.consume(options, async (message) => {
            running += 1;
            try {
              return await handler(message);
            } finally {
              running -= 1;
            }
          }),
        messageCount: (queue) => transport.messageCount(queue),
        checkConnected: () => transport.checkConnected(),
        handBack: (deadLetterQueues) => transport.handBack(deadLetterQueues),
        close: () => transport.close(),
      };
      return made;
    },
  };
}
