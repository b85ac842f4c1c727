import { AppError } from '@contextflow/core';
import type { HttpEnv } from '@contextflow/core-infra';
import type { OpenAPIHonoOptions } from '@hono/zod-openapi';
import { jsonPointer } from './json-pointer.js';

const WHAT: Readonly<Record<string, string>> = {
  json: 'The request body',
  query: 'The query parameters',
  param: 'The path parameters',
  header: 'The request headers',
  cookie: 'The cookies',
  form: 'The form fields',
};

/**
 * The `defaultHook` of every app and module sub-app: a failed zod validation becomes an `invalid` AppError,
 * so the error handler answers 422 with one `{ pointer, message }` per issue (pointers relative to the
 * validated part: the body for JSON, the parameter map otherwise).
 */
export const validationHook: NonNullable<OpenAPIHonoOptions<HttpEnv>['defaultHook']> = (result) => {
  if (result.success) return;
  const issues = result.error.issues.map((issue) => ({
    pointer: jsonPointer(issue.path),
    message: issue.message,
  }));
  throw AppError.invalid(
    'http.validation_failed',
    `${WHAT[result.target] ?? 'The request'} is not valid.`,
    issues,
  );
};
