import { AppError } from '@contextflow/core';

/** Every error code the __ctx__ context raises: stable, so clients and other contexts may rely on them. */
export const __Ctx__ErrorCode = Object.freeze({
  invalidTitle: '__ctx__.invalid_title',
  notFound: '__ctx__.not_found',
  concurrentUpdate: '__ctx__.concurrent_update',
} as const);

/** One of the {@link __Ctx__ErrorCode} values. */
export type __Ctx__ErrorCode = (typeof __Ctx__ErrorCode)[keyof typeof __Ctx__ErrorCode];

/** The __agg__ is absent. */
export function __agg__NotFound(): AppError {
  return AppError.notFound(__Ctx__ErrorCode.notFound, '__Agg__ not found');
}

/** The stored __agg__ changed since it was loaded (or a new one's id exists); raised by repositories. */
export function concurrentUpdate(): AppError {
  return AppError.concurrency(
    __Ctx__ErrorCode.concurrentUpdate,
    'The __agg__ was changed by someone else; retry',
  );
}
