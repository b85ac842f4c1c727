import { AppError, isAdmin } from '@contextflow/core';
import { CommandStatusReader, type HttpEnv } from '@contextflow/core-infra';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf } from '../auth/require-auth.js';
import { BEARER_SECURITY, problemResponses } from '../openapi/openapi-responses.js';
import { CommandViewSchema } from '../openapi/openapi-schemas.js';
import { toCommandView } from './to-command-view.js';

const getCommand = createRoute({
  method: 'get',
  path: '/commands/{id}',
  operationId: 'getCommand',
  tags: ['commands'],
  summary: 'The status of a command the caller issued (admins: any command)',
  description:
    'A command issued without credentials (a registration) is visible to whoever holds its id; any other ' +
    'needs the bearer token of its issuer or of an admin.',
  // Bearer, or nothing for commands issued anonymously.
  security: [...BEARER_SECURITY, {}],
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: { description: 'The command.', content: { 'application/json': { schema: CommandViewSchema } } },
    ...problemResponses(401, 404, 422),
  },
});

/**
 * `GET /commands/{id}`: visible to its issuer and to admins; to anyone else it does not exist (404). A command
 * issued anonymously has no issuer to check: its unguessable id is the capability. Without a token, any other
 * command is a 401, as for every authenticated route.
 */
export function commandRoutes(): OpenAPIHono<HttpEnv> {
  const app = new OpenAPIHono<HttpEnv>();
  app.openapi(getCommand, async (c) => {
    const record = await c
      .get('container')
      .resolve<CommandStatusReader>(CommandStatusReader)
      .find(c.req.valid('param').id);
    if (record !== null && record.issuedBy === null) return c.json(toCommandView(record), 200);
    const principal = principalOf(c);
    if (record === null || (record.issuedBy !== principal.userId && !isAdmin(principal))) {
      throw AppError.notFound('commands.not_found', 'No command with this id is visible to you.');
    }
    return c.json(toCommandView(record), 200);
  });
  return app;
}
