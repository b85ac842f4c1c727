import { PAGE_LIMITS } from '@contextflow/core';
import type { HttpEnv } from '@contextflow/core-infra';
import {
  acceptedResponse,
  BEARER_SECURITY,
  CommandRequestHeaders,
  principalOf,
  problemResponses,
  requireAuth,
  requireRole,
  sendCommand,
} from '@contextflow/http-kit';
import {
  DeactivateUserCommand,
  GetUserQuery,
  ListUsersQuery,
  ReactivateUserCommand,
  RenameUserCommand,
  type UserView,
} from '@contextflow/users-app';
import { UserNameSchema } from '@contextflow/users-app/contracts';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';

const UserViewSchema = z
  .object({
    id: z.uuid(),
    email: z.email(),
    name: z.string(),
    status: z.enum(['active', 'deactivated']),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('UserView');
const UserPageSchema = z
  .object({ items: z.array(UserViewSchema), nextCursor: z.string().nullable() })
  .openapi('UserPage');
const UserIdParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const RenameUserBody = z
  .object({
    name: UserNameSchema,
  })
  .openapi('RenameUserBody');
const ListUsersParams = z.object({
  limit: z.coerce.number().int().min(1).max(PAGE_LIMITS.max).default(PAGE_LIMITS.default),
  cursor: z.string().max(512).optional(),
  status: z.enum(['active', 'deactivated']).optional(),
  q: z.string().max(100).optional(),
});

const getMe = createRoute({
  middleware: [requireAuth] as const,
  security: BEARER_SECURITY,
  tags: ['users'],
  method: 'get',
  path: '/users/me',
  operationId: 'getMe',
  summary: 'The signed-in user',
  description:
    "The caller's own profile. Right after registering, it is 404 until the users context has created the " +
    'profile from the registration (usually well under a second).',
  responses: {
    200: { description: 'The caller.', content: { 'application/json': { schema: UserViewSchema } } },
    ...problemResponses(401, 404),
  },
});
const getUser = createRoute({
  middleware: [requireAuth] as const,
  security: BEARER_SECURITY,
  tags: ['users'],
  method: 'get',
  path: '/users/{id}',
  operationId: 'getUser',
  summary: 'One user (self or admin)',
  description:
    "A user's profile. Anyone but the user and admins gets 404, exactly as for an id that does not exist.",
  request: { params: UserIdParams },
  responses: {
    200: { description: 'The user.', content: { 'application/json': { schema: UserViewSchema } } },
    ...problemResponses(401, 404, 422),
  },
});
const listUsers = createRoute({
  middleware: [requireAuth, requireRole('admin')] as const,
  security: BEARER_SECURITY,
  tags: ['users'],
  method: 'get',
  path: '/users',
  operationId: 'listUsers',
  summary: 'Users, newest first (admin)',
  description:
    'One page of users, newest first: `limit` (1 to 100, default 20), `status` to keep one status, `q` to ' +
    'keep users whose email or name contains it (case-insensitive). Pass `nextCursor` back as `cursor` for ' +
    'the next page; it is `null` on the last one.',
  request: { query: ListUsersParams },
  responses: {
    200: { description: 'One page of users.', content: { 'application/json': { schema: UserPageSchema } } },
    ...problemResponses(401, 403, 422),
  },
});
const renameUser = createRoute({
  middleware: [requireAuth] as const,
  security: BEARER_SECURITY,
  tags: ['users'],
  method: 'patch',
  path: '/users/{id}',
  operationId: 'renameUser',
  summary: 'Rename a user (self or admin)',
  description:
    'Asynchronous: 202 with the command; once it succeeds, reads show the new name. The name is checked here ' +
    'by the same rule the users context applies (1 to 100 characters once trimmed, no control characters), ' +
    "so a name refused later never gets a 202. Another user's id is 404 unless the caller is an admin.",
  request: {
    params: UserIdParams,
    headers: CommandRequestHeaders,
    body: { required: true, content: { 'application/json': { schema: RenameUserBody } } },
  },
  responses: { ...acceptedResponse(), ...problemResponses(400, 401, 404, 413, 415, 422) },
});
const statusRoute = (action: 'deactivate' | 'reactivate') =>
  createRoute({
    middleware: [requireAuth, requireRole('admin')] as const,
    security: BEARER_SECURITY,
    tags: ['users'],
    method: 'post',
    path: `/users/{id}/${action}`,
    operationId: `${action}User`,
    summary: `${action === 'deactivate' ? 'Deactivate a user; their sessions end' : 'Reactivate a user'} (admin)`,
    description:
      action === 'deactivate'
        ? 'Asynchronous: 202 with the command. Once it succeeds, the user is `deactivated`, every session of ' +
          'theirs ends and they cannot sign in until reactivated. Deactivating a deactivated user changes nothing.'
        : 'Asynchronous: 202 with the command. Once it succeeds, the user is `active` and can sign in again ' +
          '(sessions ended by the deactivation stay ended). Reactivating an active user changes nothing.',
    request: { params: UserIdParams, headers: CommandRequestHeaders },
    responses: { ...acceptedResponse(), ...problemResponses(401, 403, 404, 422) },
  });

/** The users context's HTTP routes, exactly as docs/http-api.md lists them. */
export function usersRoutes(): OpenAPIHono<HttpEnv> {
  const app = new OpenAPIHono<HttpEnv>();
  // `c.get`, not `c.var`: Hono builds a new object of every variable for each `c.var`.
  const view = async (c: Parameters<Parameters<typeof app.openapi>[1]>[0], userId: string) =>
    c.get('queryBus').ask<UserView>({ type: GetUserQuery.type, params: { userId }, actor: principalOf(c) });

  // `/users/me` is registered before `/users/{id}` so the literal path wins.
  app.openapi(getMe, async (c) => c.json(await view(c, principalOf(c).userId), 200));
  app.openapi(getUser, async (c) => c.json(await view(c, c.req.valid('param').id), 200));
  app.openapi(listUsers, async (c) => {
    const page = await c.get('queryBus').ask<{ items: UserView[]; nextCursor: string | null }>({
      type: ListUsersQuery.type,
      params: c.req.valid('query'),
      actor: principalOf(c),
    });
    return c.json(page, 200);
  });
  app.openapi(renameUser, async (c) => {
    const userId = c.req.valid('param').id;
    // Another user's resource is 404 at once, as for a read; the handler checks the same rule again.
    await view(c, userId);
    return sendCommand(c, RenameUserCommand.type, { userId, name: c.req.valid('json').name });
  });
  app.openapi(statusRoute('deactivate'), async (c) =>
    sendCommand(c, DeactivateUserCommand.type, { userId: c.req.valid('param').id }),
  );
  app.openapi(statusRoute('reactivate'), async (c) =>
    sendCommand(c, ReactivateUserCommand.type, { userId: c.req.valid('param').id }),
  );
  return app;
}
