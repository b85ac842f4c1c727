import { z } from 'zod';

/** How a __agg__ is shown to clients and other contexts. Timestamps are ISO 8601 UTC. */
export const __Agg__ViewSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** A parsed {@link __Agg__ViewSchema}. */
export type __Agg__View = Readonly<z.infer<typeof __Agg__ViewSchema>>;
