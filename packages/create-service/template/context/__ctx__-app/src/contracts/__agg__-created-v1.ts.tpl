import { eventEnvelope } from '@contextflow/core/contracts';
import { z } from 'zod';
import { __Ctx__EventTypes } from './__ctx__-event-types.js';

/** A __agg__ now exists, with this title (`aggregateId` is the __agg__ id). */
export const __Agg__CreatedV1 = eventEnvelope(
  __Ctx__EventTypes.__agg__Created,
  1,
  z.object({ title: z.string().min(1).max(200) }),
);

/** A parsed {@link __Agg__CreatedV1} event. */
export type __Agg__CreatedV1 = z.infer<typeof __Agg__CreatedV1>;
