import { PAGE_LIMITS, type Query } from '@contextflow/core';
import { UserStatus } from '@contextflow/users-domain';
import { z } from 'zod';

/** The parameters of {@link ListUsersQuery}; `limit` is already clamped by the edge (default 20, max 100). */
export const ListUsersParamsSchema = z.object({
  limit: z.number().int().min(1).max(PAGE_LIMITS.max),
  cursor: z.string().optional(),
  status: z.enum(UserStatus.values).optional(),
  q: z.string().max(254).optional(),
});

/** A parsed {@link ListUsersParamsSchema}. */
export type ListUsersParams = Readonly<z.infer<typeof ListUsersParamsSchema>>;

/** Asks for a page of users, newest first, optionally by status and a search text; admins only. */
export type ListUsersQuery = Query<'users.list-users', ListUsersParams>;

/** Wire type of {@link ListUsersQuery}. */
export const ListUsersQuery = Object.freeze({ type: 'users.list-users' } as const);
