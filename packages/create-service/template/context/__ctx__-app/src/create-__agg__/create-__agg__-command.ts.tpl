import type { Command } from '@contextflow/core';
import { z } from 'zod';

/** The payload of {@link Create__Agg__Command}. */
export const Create__Agg__PayloadSchema = z.object({ __agg__Id: z.uuid(), title: z.string() });

/** A parsed {@link Create__Agg__PayloadSchema}. */
export type Create__Agg__Payload = Readonly<z.infer<typeof Create__Agg__PayloadSchema>>;

/** Creates a __agg__ with the id the route generated. */
export type Create__Agg__Command = Command<'__ctx__.create-__agg__', Create__Agg__Payload>;

/** Wire type of {@link Create__Agg__Command}. */
export const Create__Agg__Command = Object.freeze({ type: '__ctx__.create-__agg__' } as const);
