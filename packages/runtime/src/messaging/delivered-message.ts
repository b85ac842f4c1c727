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
  /** The body's size in bytes (of its JSON text when the client parsed it); absent when not known. */
  readonly bodyBytes?: number | undefined;
}
