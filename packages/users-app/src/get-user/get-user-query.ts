import type { Query } from '@contextflow/core';
import { z } from 'zod';

/** The parameters of {@link GetUserQuery}. */
export const GetUserParamsSchema = z.object({ userId: z.uuid() });

/** A parsed {@link GetUserParamsSchema}. */
export type GetUserParams = Readonly<z.infer<typeof GetUserParamsSchema>>;

/** Asks for one user's view; the user themself or an admin may ask. */
export type GetUserQuery = Query<'users.get-user', GetUserParams>;

/** Wire type of {@link GetUserQuery}. */
export const GetUserQuery = Object.freeze({ type: 'users.get-user' } as const);
