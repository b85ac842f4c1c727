import type { Query } from '@contextflow/core';
import { z } from 'zod';

/** The parameters of {@link Get__Agg__Query}. */
export const Get__Agg__ParamsSchema = z.object({ __agg__Id: z.uuid() });

/** A parsed {@link Get__Agg__ParamsSchema}. */
export type Get__Agg__Params = Readonly<z.infer<typeof Get__Agg__ParamsSchema>>;

/** Asks for one __agg__'s view. */
export type Get__Agg__Query = Query<'__ctx__.get-__agg__', Get__Agg__Params>;

/** Wire type of {@link Get__Agg__Query}. */
export const Get__Agg__Query = Object.freeze({ type: '__ctx__.get-__agg__' } as const);
