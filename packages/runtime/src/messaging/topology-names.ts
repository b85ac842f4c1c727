/** The broker names of contextflow, all prefixed with `namespace` (empty in production, random in tests). */
export interface TopologyNames {
  /** Topic exchange of commands; routing key = command type (`users.rename-user`). */
  readonly commandsExchange: string;
  /** Topic exchange of integration events; routing key = `<type>.v<version>`. */
  readonly eventsExchange: string;
  /** Direct exchange every work queue dead-letters to, keyed by the work queue's name. */
  readonly deadLetterExchange: string;
  /**
   * Queue bound to the dead-letter exchange under every command queue's name: it gets a copy of each dead
   * command, from which the reconciler fails the command (the dead-letter queue keeps the operator's copy).
   */
  readonly deadCommandsQueue: string;
  /** Queue bound to the dead-letter exchange under every work queue's name: the failure recorder's copies. */
  readonly failuresQueue: string;
  /** Work queue of a context's commands: `<ns><ctx>.commands`. */
  commandQueue(context: string): string;
  /** Work queue of an event subscription: `<ns><subscription name>`. */
  eventQueue(subscription: string): string;
  /** Where a work queue's dead letters rest: `<queue>.dlq`. */
  deadLetterQueue(workQueue: string): string;
  /** TTL queue holding retries of a work queue for one delay: `<queue>.retry.<ms>ms`. */
  retryQueue(workQueue: string, delayMs: number): string;
}

/** The names under a namespace prefix (use a trailing separator, e.g. `t1234.`). */
export function topologyNames(namespace = ''): TopologyNames {
  return {
    commandsExchange: `${namespace}contextflow.commands`,
    eventsExchange: `${namespace}contextflow.events`,
    deadLetterExchange: `${namespace}contextflow.dlx`,
    deadCommandsQueue: `${namespace}contextflow.dead-commands`,
    failuresQueue: `${namespace}contextflow.failures`,
    commandQueue: (context) => `${namespace}${context}.commands`,
    eventQueue: (subscription) => `${namespace}${subscription}`,
    deadLetterQueue: (workQueue) => `${workQueue}.dlq`,
    retryQueue: (workQueue, delayMs) => `${workQueue}.retry.${delayMs}ms`,
  };
}
