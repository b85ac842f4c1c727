import { AppError } from '@contextflow/core';

/**
 * Every error the __ctx__ context raises, by stable code (`__ctx__.not_found`, ...). One place, so the codes
 * clients and other contexts switch on are easy to review and never drift.
 */
export const __Ctx__Errors = Object.freeze({
  invalidTitle: (message: string): AppError =>
    AppError.invalid('__ctx__.invalid_title', 'Title is not valid', [{ pointer: '/title', message }]),
  /** The __agg__ is absent. */
  notFound: (): AppError => AppError.notFound('__ctx__.not_found', '__Agg__ not found'),
  /** The stored __agg__ changed since it was loaded (or a new one's id exists); raised by repositories. */
  concurrentUpdate: (): AppError =>
    AppError.concurrency('__ctx__.concurrent_update', 'The __agg__ was changed by someone else; retry'),
});
