import type { AsyncMessage } from 'rabbitmq-client';

/** A message as a consumer receives it. */
export interface DeliveredMessage {
  readonly messageId: string | undefined;
  readonly type: string | undefined;
  readonly correlationId: string | undefined;
  readonly exchange: string;
  readonly routingKey: string;
  readonly redelivered: boolean;
  readonly headers: Readonly<Record<string, unknown>>;
  /** The parsed JSON body, or `undefined` when `isJson` is false. */
  readonly body: unknown;
  readonly isJson: boolean;
}

/** Maps a rabbitmq-client delivery to a {@link DeliveredMessage}. */
export function toDelivered(message: AsyncMessage): DeliveredMessage {
  const parsed = parseBody(message.body);
  return {
    messageId: message.messageId,
    type: message.type,
    correlationId: message.correlationId,
    exchange: message.exchange,
    routingKey: message.routingKey,
    redelivered: message.redelivered,
    headers: message.headers ?? {},
    body: parsed.isJson ? parsed.value : undefined,
    isJson: parsed.isJson,
  };
}

// rabbitmq-client parses `application/json` bodies itself and leaves a Buffer when that fails.
function parseBody(body: unknown): { isJson: boolean; value?: unknown } {
  if (!Buffer.isBuffer(body) && typeof body !== 'string') return { isJson: true, value: body };
  try {
    return { isJson: true, value: JSON.parse(body.toString()) };
  } catch {
    return { isJson: false };
  }
}
