import {
  acceptedResponse,
  BEARER_SECURITY,
  CommandRequestHeaders,
  problemResponses,
  requireAuth,
  requireRole,
} from '@contextflow/http-kit';
import { createRoute, z } from '@hono/zod-openapi';
import {
  JwksSchema,
  LoginBody,
  RefreshTokenBody,
  RegisterBody,
  RoleSchema,
  TokensSchema,
  UserIdParams,
} from './auth-schemas.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const tokens = {
  description: 'Signed in. `Cache-Control: no-store`.',
  content: json(TokensSchema),
};

/** `POST /auth/register`. */
export const registerRoute = createRoute({
  tags: ['auth'],
  method: 'post',
  path: '/auth/register',
  operationId: 'register',
  summary: 'Create an account (asynchronous; a taken email fails the command with `email-taken`)',
  request: { headers: CommandRequestHeaders, body: { required: true, content: json(RegisterBody) } },
  responses: { ...acceptedResponse({ userId: z.uuid() }), ...problemResponses(400, 413, 415, 422, 503) },
});

/** `POST /auth/login`. */
export const loginRoute = createRoute({
  tags: ['auth'],
  method: 'post',
  path: '/auth/login',
  operationId: 'login',
  summary: 'Sign in with email and password',
  request: { body: { required: true, content: json(LoginBody) } },
  responses: { 200: tokens, ...problemResponses(400, 401, 413, 415, 422, 429, 503) },
});

/** `POST /auth/refresh`. */
export const refreshRoute = createRoute({
  tags: ['auth'],
  method: 'post',
  path: '/auth/refresh',
  operationId: 'refresh',
  summary: 'Exchange a refresh token for new tokens; the old one stops working',
  request: { body: { required: true, content: json(RefreshTokenBody) } },
  responses: { 200: tokens, ...problemResponses(400, 401, 413, 415, 422, 429, 503) },
});

/** `POST /auth/logout`. */
export const logoutRoute = createRoute({
  tags: ['auth'],
  method: 'post',
  path: '/auth/logout',
  operationId: 'logout',
  summary: "End the refresh token's session and its access tokens",
  request: { body: { required: true, content: json(RefreshTokenBody) } },
  responses: {
    204: { description: 'Signed out (also for an unknown token).' },
    ...problemResponses(400, 413, 415, 422),
  },
});

/** `GET /.well-known/jwks.json`. */
export const jwksRoute = createRoute({
  tags: ['auth'],
  method: 'get',
  path: '/.well-known/jwks.json',
  operationId: 'getJwks',
  summary: 'Public keys that verify access tokens (current and previous)',
  responses: { 200: { description: 'A JWK set.', content: json(JwksSchema) } },
});

/** `POST /auth/users/{id}/roles`. */
export const grantRoleRoute = createRoute({
  middleware: [requireAuth, requireRole('admin')] as const,
  security: BEARER_SECURITY,
  tags: ['auth'],
  method: 'post',
  path: '/auth/users/{id}/roles',
  operationId: 'grantRole',
  summary: 'Give a user a role (admin)',
  request: {
    params: UserIdParams,
    headers: CommandRequestHeaders,
    body: { required: true, content: json(z.object({ role: RoleSchema }).openapi('GrantRoleBody')) },
  },
  responses: { ...acceptedResponse(), ...problemResponses(400, 401, 403, 413, 415, 422) },
});

/** `DELETE /auth/users/{id}/roles/{role}`. */
export const revokeRoleRoute = createRoute({
  middleware: [requireAuth, requireRole('admin')] as const,
  security: BEARER_SECURITY,
  tags: ['auth'],
  method: 'delete',
  path: '/auth/users/{id}/roles/{role}',
  operationId: 'revokeRole',
  summary: 'Take a role from a user (admin; the `user` role stays)',
  request: {
    params: UserIdParams.extend({ role: RoleSchema.openapi({ param: { name: 'role', in: 'path' } }) }),
    headers: CommandRequestHeaders,
  },
  responses: { ...acceptedResponse(), ...problemResponses(401, 403, 422) },
});
