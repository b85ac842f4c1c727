import { z } from '@hono/zod-openapi';
import { CommandViewSchema, ProblemSchema } from './openapi-schemas.js';
import { PROBLEM_CONTENT_TYPE } from './problem-response.js';

/** Name of the bearer security scheme every app registers. */
export const BEARER_AUTH = 'bearerAuth';

/** The `security` of a route that needs a caller: `createRoute({ security: BEARER_SECURITY, ... })`. */
export const BEARER_SECURITY: { [scheme: string]: string[] }[] = [{ [BEARER_AUTH]: [] }];

/** The OpenAPI security scheme behind {@link BEARER_AUTH}. */
export const bearerAuthScheme = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } as const;

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'The body is not valid JSON.',
  401: 'No valid bearer token (`WWW-Authenticate: Bearer`).',
  403: 'The caller may not do this.',
  404: 'Not found, or not visible to the caller.',
  405: 'The path does not accept this method (`Allow` lists those it does).',
  409: 'The state of the resource does not allow it.',
  413: 'The request carries a body larger than the server accepts (`BODY_LIMIT_BYTES`, 1 MiB by default).',
  415: 'The body is not JSON.',
  422: 'The input breaks a rule; `errors` points at each field.',
  429: 'Too many requests (`Retry-After`).',
  500: 'Unexpected error.',
  503: 'Temporarily unavailable (`Retry-After`).',
};

/** One problem+json response per status, for a route's `responses`: `...problemResponses(401, 404)`. */
export function problemResponses<const S extends number>(
  ...statuses: S[]
): Record<
  S,
  { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }
> {
  const responses = {} as Record<
    S,
    { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }
  >;
  for (const status of statuses) {
    responses[status] = {
      description: DESCRIPTIONS[status] ?? 'Error.',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
    };
  }
  return responses;
}

type AcceptedBody<S extends z.ZodRawShape> = z.ZodObject<{ commandId: z.ZodUUID } & S>;
type Json<T> = { description: string; content: { 'application/json': { schema: T } } };

/** The responses {@link acceptedResponse} declares (a mapped type: it keeps numeric status keys through a spread). */
export type AcceptedResponses<S extends z.ZodRawShape> = {
  [K in 200 | 202]: K extends 200
    ? Json<typeof CommandViewSchema>
    : Json<AcceptedBody<S>> & { headers: { Location: { description: string; schema: { type: 'string' } } } };
};

/**
 * The responses of a command route answered by `sendCommand`: 202 `{ commandId, ...extra }` with
 * `Location`, and 200 with the command view when `Prefer: wait` saw it finish.
 */
// oxlint-disable-next-line typescript/no-generated-empty-object-type -- no extra fields is the empty shape
export function acceptedResponse<const S extends z.ZodRawShape = Record<never, never>>(
  extra?: S,
): AcceptedResponses<S> {
  const body = z.object({ commandId: z.uuid(), ...(extra ?? ({} as S)) }) as AcceptedBody<S>;
  return {
    200: {
      description: 'The command finished within the `Prefer: wait` time (`Preference-Applied: wait`).',
      content: { 'application/json': { schema: CommandViewSchema } },
    },
    202: {
      description: 'Accepted durably; `Location` is `/commands/{commandId}`.',
      headers: { Location: { description: 'Where to follow the command.', schema: { type: 'string' } } },
      content: { 'application/json': { schema: body } },
    },
  };
}
