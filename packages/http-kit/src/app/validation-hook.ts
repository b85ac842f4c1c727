import { AppError, jsonPointer, unstorableTextIssues } from '@contextflow/core';
import type { HttpEnv } from '@contextflow/core-infra';
import type { OpenAPIHonoOptions } from '@hono/zod-openapi';

const WHAT: Readonly<Record<string, string>> = {
  json: 'The request body',
  query: 'The query parameters',
  param: 'The path parameters',
  header: 'The request headers',
  cookie: 'The cookies',
  form: 'The form fields',
};

/**
 * The `defaultHook` of every app and module sub-app, so every body, path, query and header a route declares
 * passes it: a failed zod validation becomes an `invalid` AppError, so the error handler answers 422 with one
 * `{ pointer, message }` per issue (pointers relative to the validated part: the body for JSON, the parameter
 * map otherwise). Input that validates but holds text PostgreSQL cannot store (a NUL character, an unpaired
 * surrogate), in any string or key at any depth, is refused the same way (`http.unstorable_text`).
 */
export const validationHook: NonNullable<OpenAPIHonoOptions<HttpEnv>['defaultHook']> = (result) => {
  if (result.success) {
    const unstorable = unstorableTextIssues(result.data);
    if (unstorable.length === 0) return;
    throw AppError.invalid(
      'http.unstorable_text',
      `${WHAT[result.target] ?? 'The request'} holds text that cannot be stored.`,
      unstorable,
    );
  }
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
