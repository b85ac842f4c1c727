import { type AppError, type ErrorKind, type FieldIssue, isAppError } from '@contextflow/core';

/** RFC 9457 problem details, as sent on the wire and stored with failed commands. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** The stable error code (`users.email_taken`), for clients that switch on it. */
  readonly code: string;
  readonly instance?: string;
  readonly errors?: readonly FieldIssue[];
}

/** The one table from error kind to HTTP status. */
export const STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = Object.freeze({
  invalid: 422,
  not_found: 404,
  conflict: 409,
  concurrency: 409,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
});

const TITLE_BY_STATUS: Readonly<Record<number, string>> = Object.freeze({
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
});

/** Base of every problem type URI; the path is the error code (`auth.email_taken` → `.../auth/email-taken`). */
export const PROBLEM_BASE = 'https://contextflow.dev/problems/';

/** The stable type URI of an error code. */
export function problemType(code: string): string {
  return PROBLEM_BASE + code.replaceAll('.', '/').replaceAll('_', '-');
}

/** Builds a problem from parts; `title` defaults to the status's reason phrase. */
export function problem(
  status: number,
  code: string,
  detail: string,
  extra: Partial<ProblemDetails> = {},
): ProblemDetails {
  return {
    type: problemType(code),
    title: TITLE_BY_STATUS[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}

/**
 * Turns any thrown value into a problem that is safe to show: an AppError keeps its code and message,
 * anything else becomes a generic 500 with no internals.
 */
export function toProblem(error: unknown, instance?: string): ProblemDetails {
  if (isAppError(error)) {
    const appError: AppError = error;
    return problem(STATUS_BY_KIND[appError.kind] ?? 500, appError.code, appError.message, {
      ...(instance === undefined ? {} : { instance }),
      ...(appError.issues.length > 0 ? { errors: appError.issues } : {}),
    });
  }
  return problem(
    500,
    'internal.unexpected',
    'An unexpected error occurred.',
    instance === undefined ? {} : { instance },
  );
}
