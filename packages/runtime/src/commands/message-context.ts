import { token } from '@contextflow/core';
import { currentTraceparent } from '@contextflow/core-infra';

/**
 * The message a unit of work is handling, as far as the messages it writes need to know: registered in the
 * unit of work's child container so the outbox can stamp new messages with the same correlation id and with
 * the handled message's id as their causation id.
 */
export interface MessageContext {
  /** Shared by everything one request set in motion. */
  readonly correlationId: string;
  /** The id of the message being handled (the command id, or the event id). */
  readonly causationId: string;
  /** W3C traceparent to propagate, when there is one. */
  readonly traceparent?: string;
}

/** Token of {@link MessageContext}; registered only inside a unit of work that handles a message. */
export const MessageContext = token<MessageContext>('core-infra.MessageContext');

/**
 * The outbox headers that carry a context to the broker. Without a traceparent of its own, the message joins
 * the trace of the request or message being handled (the current telemetry context), when there is one.
 */
export function messageHeaders(context: MessageContext | undefined): Record<string, string> {
  const traceparent = context?.traceparent ?? currentTraceparent();
  return {
    ...(context === undefined
      ? {}
      : { correlationId: context.correlationId, causationId: context.causationId }),
    ...(traceparent === undefined ? {} : { traceparent }),
  };
}
