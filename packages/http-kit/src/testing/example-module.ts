import type { ContextModule, HttpEnv } from '@contextflow/core-infra';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf, requireAuth } from '../auth/require-auth.js';
import { sendCommand } from '../commands/send-command.js';
import { acceptedResponse, BEARER_SECURITY, problemResponses } from '../openapi/openapi-responses.js';
import { CommandRequestHeaders } from '../openapi/openapi-schemas.js';

const ThingView = z.object({ id: z.uuid(), name: z.string() }).openapi('ThingView');

const renameThing = createRoute({
  method: 'post',
  path: '/things/{id}/rename',
  operationId: 'renameThing',
  middleware: [requireAuth] as const,
  security: BEARER_SECURITY,
  request: {
    params: z.object({ id: z.uuid() }),
    headers: CommandRequestHeaders,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ name: z.string().min(1).max(50) }) } },
    },
  },
  responses: { ...acceptedResponse({ thingId: z.uuid() }), ...problemResponses(400, 401, 413, 415, 422) },
});

const getThing = createRoute({
  method: 'get',
  path: '/things/{id}',
  operationId: 'getThing',
  middleware: [requireAuth] as const,
  security: BEARER_SECURITY,
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: { description: 'The thing.', content: { 'application/json': { schema: ThingView } } },
    ...problemResponses(401, 404, 422),
  },
});

/**
 * A tiny context module (one command route, one query route) used by the HTTP kit's tests; it doubles as
 * the template of a module's routes.
 */
export const exampleModule: ContextModule = {
  name: 'things',
  migrations: {},
  commands: [],
  queries: [],
  events: [],
  register: () => {},
  routes: () => {
    const app = new OpenAPIHono<HttpEnv>();
    app.openapi(renameThing, async (c) => {
      const { id } = c.req.valid('param');
      return sendCommand(c, 'things.rename-thing', { id, name: c.req.valid('json').name }, { thingId: id });
    });
    app.openapi(getThing, async (c) => {
      const query = { type: 'things.get-thing', params: c.req.valid('param'), actor: principalOf(c) };
      return c.json(await c.var.queryBus.ask<z.infer<typeof ThingView>>(query), 200);
    });
    return app;
  },
};
