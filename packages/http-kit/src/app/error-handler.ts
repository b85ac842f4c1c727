import { isAppError } from '@contextflow/core';
import { type HttpEnv, type Logger, problem, type ProblemDetails, toProblem } from '@contextflow/core-infra';
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { problemResponse } from '../openapi/problem-response.js';
import { BackPressureLog } from './back-pressure-log.js';

// Hono's own exceptions carry fixed, safe messages; their problems get stable codes here.
const HTTP_PROBLEMS: Readonly<Record<number, readonly [code: string, detail: string]>> = {
  400: ['http.bad_request', 'The request could not be read.'],
  401: ['auth.unauthenticated', 'Authentication is required.'],
  413: ['http.body_too_large', 'The request body is larger than this server accepts.'],
  415: ['http.unsupported_media_type', 'The request body must be JSON (Content-Type: application/json).'],
};

function fromHttpException(error: HTTPException, instance: string): ProblemDetails {
  if (error.status === 400 && /json/i.test(error.message)) {
    return problem(400, 'http.malformed_json', 'The request body is not valid JSON.', { instance });
  }
  const [code, detail] = HTTP_PROBLEMS[error.status] ?? [
    `http.status_${error.status}`,
    'The request failed.',
  ];
  return problem(error.status, code, detail, { instance });
}

function headersFor(error: unknown, status: number): Record<string, string> {
  const headers: Record<string, string> = {};
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer';
  if (isAppError(error) && error.retryAfterSeconds !== undefined && (status === 429 || status === 503)) {
    headers['Retry-After'] = String(Math.max(0, Math.ceil(error.retryAfterSeconds)));
  }
  return headers;
}

/** A refusal the server chose to give to shed load (a full queue, a throttle), not a failure. */
function isBackPressure(error: unknown): boolean {
  return isAppError(error) && (error.kind === 'unavailable' || error.kind === 'rate_limited');
}

/**
 * The app's `onError`: every thrown value becomes a problem+json answer. AppErrors go through the one
 * kind→status table (`toProblem`); Hono's exceptions (malformed JSON, wrong media type, body limit) get
 * stable codes; anything else is a generic 500 whose details go to the log only. Back-pressure answers (an
 * `unavailable` or `rate_limited` AppError: 503, 429) are logged at warn, once per burst, without a stack
 * ({@link BackPressureLog}); other 5xx at error with the error.
 */
export function createErrorHandler(logger: Logger): ErrorHandler<HttpEnv> {
  const backPressure = new BackPressureLog(logger);
  return (error, c) => {
    const instance = c.req.path;
    const details =
      error instanceof HTTPException ? fromHttpException(error, instance) : toProblem(error, instance);
    if (isBackPressure(error)) {
      backPressure.note({ code: details.code, status: details.status, route: c.req.routePath });
    } else if (details.status >= 500) {
      logger.error(
        { err: error, requestId: c.get('requestId'), method: c.req.method, route: c.req.routePath },
        'request failed',
      );
    }
    return problemResponse(c, details, headersFor(error, details.status));
  };
}
