import { z } from 'zod';

/**
 * The schema of a users integration event: the core `DomainEvent` envelope with a fixed wire type, version 1
 * and a typed payload. Unknown fields are stripped, so adding an optional payload field never breaks a consumer.
 */
export function eventEnvelopeSchema<TType extends string, TPayload extends z.ZodType>(
  type: TType,
  payload: TPayload,
) {
  return z.object({
    id: z.uuid(),
    type: z.literal(type),
    version: z.literal(1),
    occurredAt: z.iso.datetime(),
    aggregateId: z.uuid(),
    aggregateVersion: z.number().int().positive(),
    payload,
  });
}
