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
  LoginTokensSchema,
  RefreshTokenBody,
  RegisterBody,
  RoleSchema,
  TokensSchema,
  UserIdParams,
} from './auth-schemas.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const THROTTLES =
  'Failed sign-ins count per account and per client address; over either limit every sign-in gets 429 before ' +
  "the password is checked, except one that presents a valid `deviceToken` of the account, judged by that device's " +
  'own failures only.';

/** `POST /auth/register`. */
export const registerRoute = createRoute({
  security: [],
  tags: ['auth'],
  method: 'post',
  path: '/auth/register',
  operationId: 'register',
  summary: 'Create an account (asynchronous)',
  description:
    'The answer and the command are the same whether or not the email already has an account: a taken email ' +
    "creates no second account, the command succeeds, and the address's owner is told. Registrations are " +
    'limited per client address (429 with `Retry-After`) before the password is hashed; 503 `auth.busy` when ' +
    'too many are being hashed at once.',
  request: { headers: CommandRequestHeaders, body: { required: true, content: json(RegisterBody) } },
  responses: {
    ...acceptedResponse({ userId: z.uuid() }),
    ...problemResponses(400, 413, 415, 422, 429, 503),
  },
});

/** `POST /auth/login`. */
export const loginRoute = createRoute({
  security: [],
  tags: ['auth'],
  method: 'post',
  path: '/auth/login',
  operationId: 'login',
  summary: 'Sign in with email and password',
  description: THROTTLES,
  request: { body: { required: true, content: json(LoginBody) } },
  responses: {
    200: {
      description: 'Signed in: the tokens and the device token to keep. `Cache-Control: no-store`.',
      content: json(LoginTokensSchema),
    },
    ...problemResponses(400, 401, 413, 415, 422, 429, 503),
  },
});

/** `POST /auth/refresh`. */
export const refreshRoute = createRoute({
  security: [],
  tags: ['auth'],
  method: 'post',
  path: '/auth/refresh',
  operationId: 'refresh',
  summary: 'Exchange a refresh token for new tokens; the old one stops working',
  description:
    'A valid refresh token is never refused by a throttle; only failed refreshes count against the client ' +
    'address, and only a failed refresh gets 429. The answer has no `deviceToken` (only its hash is stored): ' +
    'keep the one the sign-in answered.',
  request: { body: { required: true, content: json(RefreshTokenBody) } },
  responses: {
    200: { description: 'New tokens. `Cache-Control: no-store`.', content: json(TokensSchema) },
    ...problemResponses(400, 401, 413, 415, 422, 429, 503),
  },
});

/** `POST /auth/logout`. */
export const logoutRoute = createRoute({
  security: [],
  tags: ['auth'],
  method: 'post',
  path: '/auth/logout',
  operationId: 'logout',
  summary: "End the refresh token's session and its access tokens",
  description:
    'Sign out of one session: the refresh token stops working, and so do the access tokens issued with it. ' +
    'Needs no bearer token (the refresh token is the proof); an unknown or used token is answered the same ' +
    "204, so the answer never tells whether a token existed. Keep the device token: it is the client's, not " +
    "the session's.",
  request: { body: { required: true, content: json(RefreshTokenBody) } },
  responses: {
    204: { description: 'Signed out (also for an unknown token).' },
    ...problemResponses(400, 413, 415, 422),
  },
});

/** `POST /auth/logout-all`. */
export const logoutAllRoute = createRoute({
  middleware: [requireAuth] as const,
  security: BEARER_SECURITY,
  tags: ['auth'],
  method: 'post',
  path: '/auth/logout-all',
  operationId: 'logoutAll',
  summary: "End every session of the caller's account, this one included, and revoke its device tokens",
  description:
    'For a lost device or a leaked token: every refresh token and access token of the account stops working ' +
    "at once, and so do its device tokens, so the next sign-in of every client is judged by the account's " +
    'failures again. Sign in afterwards to go on.',
  responses: {
    204: { description: 'Signed out everywhere.' },
    ...problemResponses(401),
  },
});

/** `GET /.well-known/jwks.json`. */
export const jwksRoute = createRoute({
  security: [],
  tags: ['auth'],
  method: 'get',
  path: '/.well-known/jwks.json',
  operationId: 'getJwks',
  summary: 'Public keys that verify access tokens (current and previous)',
  description:
    'The JSON Web Key Set (RFC 7517) of the keys that sign access tokens: the current one and those still ' +
    'honoured after a rotation, each with its `kid`. A service that verifies tokens itself fetches it and ' +
    "picks the key by the token header's `kid`; cache it, and fetch again on an unknown `kid`.",
  responses: {
    200: { description: 'A JWK set.', content: json(JwksSchema) },
    ...problemResponses(413),
  },
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
  description:
    'Asynchronous: 202 with the command, which fails (`GET /commands/{id}`) when no such user exists. Granting ' +
    "a role the user has is a success that changes nothing. Every request is judged by the account's roles " +
    "as they are now, so the user's tokens carry the role from the moment the command succeeds.",
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
  description:
    'Asynchronous: 202 with the command, which fails when no such user exists. Revoking a role the user does ' +
    'not have is a success that changes nothing; the `user` role cannot be taken (the command fails). Every ' +
    "request is judged by the account's roles as they are now, so the role is gone once the command succeeds.",
  request: {
    params: UserIdParams.extend({ role: RoleSchema.openapi({ param: { name: 'role', in: 'path' } }) }),
    headers: CommandRequestHeaders,
  },
  responses: { ...acceptedResponse(), ...problemResponses(401, 403, 422) },
});
