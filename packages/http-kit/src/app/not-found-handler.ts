import { type HttpEnv, problem } from '@contextflow/core-infra';
import type { NotFoundHandler } from 'hono';
import type { RouterRoute } from 'hono/types';
import { problemResponse } from '../openapi/problem-response.js';
import { AllowedMethods } from './allowed-methods.js';

/**
 * The app's `notFound`: 405 with `Allow` when the path exists under other methods (204 + `Allow` for a
 * plain OPTIONS), otherwise 404 — both problem+json.
 */
export function createNotFoundHandler(routes: () => readonly RouterRoute[]): NotFoundHandler<HttpEnv> {
  const allowedMethods = new AllowedMethods(routes);
  return (c) => {
    const instance = c.req.path;
    const allowed = allowedMethods.for(instance);
    if (allowed.length === 0) {
      return problemResponse(
        c,
        problem(404, 'http.not_found', 'No resource lives at this path.', { instance }),
      );
    }
    const allow = [...allowed, 'OPTIONS'].join(', ');
    if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: allow });
    const detail = `${c.req.method} is not allowed here; allowed: ${allow}.`;
    return problemResponse(c, problem(405, 'http.method_not_allowed', detail, { instance }), {
      Allow: allow,
    });
  };
}
