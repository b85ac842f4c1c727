import { AppError } from '@contextflow/core';
import { FailureActionTypes, FailureReader, type HttpEnv } from '@contextflow/core-infra';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { requireAuth } from '../auth/require-auth.js';
import { requireRole } from '../auth/require-role.js';
import { sendCommand } from '../commands/send-command.js';
import { acceptedResponse, BEARER_SECURITY, problemResponses } from '../openapi/openapi-responses.js';
import { CommandRequestHeaders } from '../openapi/openapi-schemas.js';
import {
  FailureDetailSchema,
  FailureIdSchema,
  FailureGroupListSchema,
  FailurePageSchema,
  ListFailuresParams,
  PurgeFailuresBody,
  RetryFailuresBody,
} from './failure-schemas.js';

const tags = ['operations'];
const FailureIdParams = z.object({
  id: FailureIdSchema.openapi({ param: { name: 'id', in: 'path' }, example: '42' }),
});
const json = <T>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

const listGroups = createRoute({
  middleware: [requireAuth, requireRole('admin')] as const,
  security: BEARER_SECURITY,
  tags,
  method: 'get',
  path: '/admin/failures/groups',
  operationId: 'listFailureGroups',
  summary: 'Failure groups: alike dead letters counted (admin)',
  description:
    'Failures still in their dead-letter queues, grouped by fingerprint (message type + error code + reason), ' +
    'largest first (at most 100 groups), each with its first and last time and its latest failure as a sample.',
  responses: { 200: json('The groups.', FailureGroupListSchema), ...problemResponses(401, 403) },
});
const listFailures = createRoute({
  middleware: [requireAuth, requireRole('admin')] as const,
  security: BEARER_SECURITY,
  tags,
  method: 'get',
  path: '/admin/failures',
  operationId: 'listFailures',
  summary: 'Failures, newest first, filtered (admin)',
  description:
    'Recorded failures matching every criterion given (status `dead` unless asked), newest recorded first, ' +
    'one page at a time: pass `nextCursor` back as `cursor`.',
  request: { query: ListFailuresParams },
  responses: { 200: json('One page of failures.', FailurePageSchema), ...problemResponses(401, 403, 422) },
});
const getFailure = createRoute({
  middleware: [requireAuth, requireRole('admin')] as const,
  security: BEARER_SECURITY,
  tags,
  method: 'get',
  path: '/admin/failures/{id}',
  operationId: 'getFailure',
  summary: 'One failure in full (admin)',
  description: 'Its headers, payload (secrets redacted), last problem, attempts, trace id and times.',
  request: { params: FailureIdParams },
  responses: { 200: json('The failure.', FailureDetailSchema), ...problemResponses(401, 403, 404, 422) },
});
const retryOne = createRoute({
  middleware: [requireAuth, requireRole('admin')] as const,
  security: BEARER_SECURITY,
  tags,
  method: 'post',
  path: '/admin/failures/{id}/retry',
  operationId: 'retryFailure',
  summary: 'Send one failure back to its queue (admin)',
  description:
    'Accepted as an operator command run by the worker: follow it at `/commands/{commandId}`. The message is ' +
    'taken from its dead-letter queue and published to the queue it died in; a command that failed because ' +
    'it was dead-lettered runs again. Running it twice has one effect (the ledger and the inbox deduplicate).',
  request: { params: FailureIdParams, headers: CommandRequestHeaders },
  responses: { ...acceptedResponse(), ...problemResponses(401, 403, 404, 422) },
});
const retryMany = createRoute({
  middleware: [requireAuth, requireRole('admin')] as const,
  security: BEARER_SECURITY,
  tags,
  method: 'post',
  path: '/admin/failures/retry',
  operationId: 'retryFailures',
  summary: 'Send a group or a filter of failures back, at a rate (admin)',
  description:
    'Accepted as an operator command run by the worker, at most `ratePerSecond` messages a second; ' +
    '`GET /commands/{commandId}` shows its progress, who asked and the outcome. It survives a worker restart: ' +
    'the next run takes what is still dead.',
  request: {
    headers: CommandRequestHeaders,
    body: { required: true, content: { 'application/json': { schema: RetryFailuresBody } } },
  },
  responses: { ...acceptedResponse(), ...problemResponses(400, 401, 403, 413, 415, 422) },
});
const purgeMany = createRoute({
  middleware: [requireAuth, requireRole('admin')] as const,
  security: BEARER_SECURITY,
  tags,
  method: 'post',
  path: '/admin/failures/purge',
  operationId: 'purgeFailures',
  summary: 'Delete a group or a filter of failures for good (admin)',
  description:
    'Accepted as an operator command run by the worker: the messages are deleted from their dead-letter ' +
    'queues and their failures marked `purged` (kept as the record).',
  request: {
    headers: CommandRequestHeaders,
    body: { required: true, content: { 'application/json': { schema: PurgeFailuresBody } } },
  },
  responses: { ...acceptedResponse(), ...problemResponses(400, 401, 403, 413, 415, 422) },
});

const reader = (c: { var: HttpEnv['Variables'] }) => c.var.container.resolve<FailureReader>(FailureReader);
const notFound = () => AppError.notFound('failures.not_found', 'No failure has this id.');

/** The admin API over recorded failures: groups, filtered lists, one in full, and the operator actions. */
export function failureRoutes(): OpenAPIHono<HttpEnv> {
  const app = new OpenAPIHono<HttpEnv>();
  app.openapi(listGroups, async (c) => c.json({ items: await reader(c).groups() }, 200));
  app.openapi(listFailures, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid('query');
    return c.json(await reader(c).list(filter, { limit, cursor }), 200);
  });
  app.openapi(getFailure, async (c) => {
    const failure = await reader(c).find(c.req.valid('param').id);
    if (failure === null) throw notFound();
    return c.json(failure, 200);
  });
  app.openapi(retryOne, async (c) => {
    const { id } = c.req.valid('param');
    if ((await reader(c).find(id)) === null) throw notFound();
    return sendCommand(c, FailureActionTypes.retry, { filter: { ids: [id] } });
  });
  app.openapi(retryMany, async (c) => sendCommand(c, FailureActionTypes.retry, c.req.valid('json')));
  app.openapi(purgeMany, async (c) => sendCommand(c, FailureActionTypes.purge, c.req.valid('json')));
  return app;
}
