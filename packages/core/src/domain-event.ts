/** The envelope of a fact that happened in a context; it crosses RabbitMQ, so it is plain readonly data. */
export interface DomainEvent<TType extends string = string, TPayload = unknown> {
  /** Unique id (UUIDv7); consumers deduplicate on it. */
  readonly id: string;
  /** Stable wire type, `<context>.<event-name>` (`users.user-registered`). */
  readonly type: TType;
  /** Schema version of the payload; a breaking change is a new version, never a rename. */
  readonly version: number;
  /** ISO 8601 UTC. */
  readonly occurredAt: string;
  readonly aggregateId: string;
  /** The aggregate's version after the change that recorded this event. */
  readonly aggregateVersion: number;
  readonly payload: TPayload;
}

/** The routing key of an event on the event exchange: `<type>.v<version>`. */
export function eventRoutingKey(event: Pick<DomainEvent, 'type' | 'version'>): string {
  return `${event.type}.v${event.version}`;
}
