import {
  type __Agg__View,
  Create__Agg__Command,
  type Create__Agg__Payload,
  Get__Agg__Query,
} from '@__scope__/__ctx__-app';
import { IdGenerator } from '@contextflow/core';
import type { HttpEnv } from '@contextflow/core-infra';
import {
  acceptedResponse,
  BEARER_SECURITY,
  CommandRequestHeaders,
  principalOf,
  problemResponses,
  requireAuth,
  sendCommand,
} from '@contextflow/http-kit';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';

const __Agg__ViewSchema = z
  .object({ id: z.uuid(), title: z.string(), createdAt: z.iso.datetime(), updatedAt: z.iso.datetime() })
  .openapi('__Agg__View');
const Create__Agg__Body = z.object({ title: z.string().min(1).max(200) }).openapi('Create__Agg__Body');
const IdParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const create__Agg__ = createRoute({
  middleware: [requireAuth] as const,
  security: BEARER_SECURITY,
  tags: ['__ctx__'],
  method: 'post',
  path: '/__ctx__',
  operationId: 'create__Agg__',
  summary: 'Create a __agg__ (asynchronous)',
  description:
    'Asynchronous: 202 with the command and the new id; once the command succeeds, `GET /__ctx__/{id}` ' +
    'answers the __agg__.',
  request: {
    headers: CommandRequestHeaders,
    body: { required: true, content: { 'application/json': { schema: Create__Agg__Body } } },
  },
  responses: { ...acceptedResponse({ __agg__Id: z.uuid() }), ...problemResponses(400, 401, 413, 415, 422) },
});
const get__Agg__ = createRoute({
  middleware: [requireAuth] as const,
  security: BEARER_SECURITY,
  tags: ['__ctx__'],
  method: 'get',
  path: '/__ctx__/{id}',
  operationId: 'get__Agg__',
  summary: 'One __agg__',
  description: 'The __agg__ with this id; 404 when there is none (also while its creation is still pending).',
  request: { params: IdParams },
  responses: {
    200: { description: 'The __agg__.', content: { 'application/json': { schema: __Agg__ViewSchema } } },
    ...problemResponses(401, 404, 422),
  },
});

/** The __ctx__ context's HTTP routes. */
export function __ctx__Routes(): OpenAPIHono<HttpEnv> {
  const app = new OpenAPIHono<HttpEnv>();
  app.openapi(create__Agg__, async (c) => {
    const { title } = c.req.valid('json');
    const __agg__Id = c.var.container.resolve<IdGenerator>(IdGenerator).next();
    // A replay under the same Idempotency-Key is recognised by the client's input and answers the first id.
    return sendCommand(
      c,
      Create__Agg__Command.type,
      { __agg__Id, title } satisfies Create__Agg__Payload,
      (accepted) => ({ __agg__Id: (accepted as Create__Agg__Payload).__agg__Id }),
      { fingerprint: { title } },
    );
  });
  app.openapi(get__Agg__, async (c) => {
    const view = await c.var.queryBus.ask<__Agg__View>({
      type: Get__Agg__Query.type,
      params: { __agg__Id: c.req.valid('param').id },
      actor: principalOf(c),
    });
    return c.json(view, 200);
  });
  return app;
}
