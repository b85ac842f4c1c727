import type { ContextModule } from '@contextflow/core-infra';
import { DEFAULT_RETRY_POLICY, DELIVERY_LIMIT, type RetryPolicy } from './retry-policy.js';
import { type TopologyNames, topologyNames } from './topology-names.js';
import { eventConsumersOf } from '../processes/process-bindings.js';

/** A durable exchange to declare. */
export interface ExchangeDeclaration {
  readonly exchange: string;
  readonly type: 'topic' | 'direct';
  readonly durable: true;
}

/** A durable queue to declare, with its arguments (declaring it again with the same ones is a no-op). */
export interface QueueDeclaration {
  readonly queue: string;
  readonly durable: true;
  readonly arguments: Readonly<Record<string, string | number>>;
}

/** A queue bound to an exchange. */
export interface QueueBinding {
  readonly queue: string;
  readonly exchange: string;
  readonly routingKey: string;
}

/** A queue consumers take work from, with its retry queues (by delay) and its dead-letter queue. */
export interface WorkQueue {
  readonly declaration: QueueDeclaration;
  readonly bindings: readonly QueueBinding[];
  readonly retryQueues: ReadonlyMap<number, string>;
  readonly deadLetterQueue: string;
}

/** Everything contextflow declares on the broker for a set of modules. */
export interface Topology {
  readonly names: TopologyNames;
  readonly retry: RetryPolicy;
  readonly exchanges: readonly ExchangeDeclaration[];
  readonly queues: readonly QueueDeclaration[];
  readonly bindings: readonly QueueBinding[];
  /** Command work queue of each context, by context name. */
  readonly commandQueues: ReadonlyMap<string, WorkQueue>;
  /** Event work queue of each subscription, by subscription name. */
  readonly eventQueues: ReadonlyMap<string, WorkQueue>;
  /** Where the dead-letter reconciler takes its copy of every dead-lettered command from. */
  readonly deadCommands: QueueDeclaration;
  /** Where the failure recorder takes its copy of every dead letter (commands and events) from. */
  readonly failures: QueueDeclaration;
}

/** Options of {@link buildTopology}. */
export interface TopologyOptions {
  /** Prefix of every name (tests use a random one). */
  readonly namespace?: string;
  readonly retry?: RetryPolicy;
}

const quorum = (queue: string, args: Record<string, string | number> = {}): QueueDeclaration => ({
  queue,
  durable: true,
  arguments: { 'x-queue-type': 'quorum', ...args },
});

// At-least-once dead-lettering (quorum queues, RabbitMQ ≥ 3.10) keeps a dead letter until the target queue
// confirms it; it requires `reject-publish` overflow, which only matters if a length limit is ever set.
const safeDeadLettering = { 'x-dead-letter-strategy': 'at-least-once', 'x-overflow': 'reject-publish' };

/**
 * Describes the broker objects for these modules: the command and event topic exchanges, a quorum work queue
 * per context with queued commands (bound to each queued command type on the command exchange, never to an
 * in-process one) and per event subscription (each of its routing keys on
 * the event exchange), a dead-letter queue per work queue behind one direct dead-letter exchange, and per
 * work queue one TTL queue per retry delay that dead-letters back to it through the default exchange (a
 * topic exchange would lose messages whose routing key no longer matches), and the dead-commands queue that
 * gets a copy of every dead-lettered command for the reconciler, and the failures queue that gets a copy of every
 * dead letter for the failure recorder.
 */
export function buildTopology(modules: readonly ContextModule[], options: TopologyOptions = {}): Topology {
  const names = topologyNames(options.namespace);
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const queues: QueueDeclaration[] = [];
  const bindings: QueueBinding[] = [];

  const workQueue = (queue: string, exchange: string, routingKeys: readonly string[]): WorkQueue => {
    const deadLetterQueue = names.deadLetterQueue(queue);
    const declaration = quorum(queue, {
      'x-delivery-limit': DELIVERY_LIMIT,
      'x-dead-letter-exchange': names.deadLetterExchange,
      'x-dead-letter-routing-key': queue,
      ...safeDeadLettering,
    });
    const own = [...new Set(routingKeys)].map((routingKey) => ({ queue, exchange, routingKey }));
    const retryQueues = new Map<number, string>();
    for (const delayMs of new Set(retry.delaysMs)) {
      const name = names.retryQueue(queue, delayMs);
      retryQueues.set(delayMs, name);
      queues.push(
        quorum(name, {
          'x-message-ttl': delayMs,
          'x-dead-letter-exchange': '',
          'x-dead-letter-routing-key': queue,
          ...safeDeadLettering,
        }),
      );
    }
    queues.push(declaration, quorum(deadLetterQueue));
    bindings.push(...own, { queue: deadLetterQueue, exchange: names.deadLetterExchange, routingKey: queue });
    return { declaration, bindings: own, retryQueues, deadLetterQueue };
  };

  const commandQueues = new Map<string, WorkQueue>();
  const eventQueues = new Map<string, WorkQueue>();
  for (const module of modules) {
    // Each queued command type is bound by name: an in-process command never has a route to a queue.
    const queued = module.commands.filter((command) => command.delivery === 'queued').map(({ type }) => type);
    if (queued.length > 0) {
      const queue = names.commandQueue(module.name);
      commandQueues.set(module.name, workQueue(queue, names.commandsExchange, queued));
    }
    for (const subscription of eventConsumersOf(module)) {
      const eventQueue = names.eventQueue(subscription.name);
      eventQueues.set(subscription.name, workQueue(eventQueue, names.eventsExchange, subscription.events));
    }
  }
  // A second binding under each command queue's name: the direct exchange copies every dead command here too.
  // No dead-letter exchange of its own: past the delivery limit a copy is dropped, the dead-letter queue
  // still holds the message.
  const deadCommands = quorum(names.deadCommandsQueue, { 'x-delivery-limit': DELIVERY_LIMIT });
  queues.push(deadCommands);
  for (const queue of commandQueues.values()) {
    const routingKey = queue.declaration.queue;
    bindings.push({ queue: deadCommands.queue, exchange: names.deadLetterExchange, routingKey });
  }
  // Likewise a copy of every dead letter, commands and events, for the failure recorder.
  const failures = quorum(names.failuresQueue, { 'x-delivery-limit': DELIVERY_LIMIT });
  queues.push(failures);
  for (const queue of [...commandQueues.values(), ...eventQueues.values()]) {
    const routingKey = queue.declaration.queue;
    bindings.push({ queue: failures.queue, exchange: names.deadLetterExchange, routingKey });
  }
  const exchanges: ExchangeDeclaration[] = [
    { exchange: names.commandsExchange, type: 'topic', durable: true },
    { exchange: names.eventsExchange, type: 'topic', durable: true },
    { exchange: names.deadLetterExchange, type: 'direct', durable: true },
  ];
  return { names, retry, exchanges, queues, bindings, commandQueues, eventQueues, deadCommands, failures };
}
