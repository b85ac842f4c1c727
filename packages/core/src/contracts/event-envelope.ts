import { z } from 'zod';

/**
 * The schema of a domain-event envelope with a given wire type, version and payload. Unknown fields are
 * dropped, not rejected, so a producer may add optional fields without breaking consumers.
 */
export function eventEnvelope<TType extends string, TVersion extends number, TPayload extends z.ZodType>(
  type: TType,
  version: TVersion,
  payload: TPayload,
) {
  return z.object({
    id: z.uuid(),
    type: z.literal(type),
    version: z.literal(version),
    occurredAt: z.iso.datetime(),
    aggregateId: z.uuid(),
    aggregateVersion: z.int().positive(),
    payload,
  });
}
