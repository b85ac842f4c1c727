import type { AsyncMessage, SyncMessage } from 'rabbitmq-client';
import type { DeliveredMessage } from '../messaging/delivered-message.js';

/** Maps a rabbitmq-client delivery (or a `basic.get` answer) to a {@link DeliveredMessage}. */
export function toDelivered(message: AsyncMessage | SyncMessage): DeliveredMessage {
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
    bodyBytes: parsed.bytes,
  };
}

// rabbitmq-client parses `application/json` bodies itself and leaves a Buffer when that fails.
function parseBody(body: unknown): { isJson: boolean; value?: unknown; bytes: number } {
  if (!Buffer.isBuffer(body) && typeof body !== 'string')
    return { isJson: true, value: body, bytes: Buffer.byteLength(JSON.stringify(body) ?? '') };
  const bytes = Buffer.byteLength(body);
  try {
    return { isJson: true, value: JSON.parse(body.toString()), bytes };
  } catch {
    return { isJson: false, bytes };
  }
}
