import type { ProblemDetails } from '@contextflow/core-infra';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The media type of every error body (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Writes a problem as the response. `c.json()` alone would say `application/json`, so the content type is set
 * explicitly; headers already prepared on the context (security headers, request id) are kept.
 */
export function problemResponse(
  c: Context,
  problem: ProblemDetails,
  headers: Record<string, string> = {},
): Response {
  return c.json(problem, problem.status as ContentfulStatusCode, {
    ...headers,
    'Content-Type': PROBLEM_CONTENT_TYPE,
  });
}
