import { AppError } from '@contextflow/core';

/** Every error code the users context raises: stable, so clients and other contexts may rely on them. */
export const UsersErrorCode = Object.freeze({
  invalidEmail: 'users.invalid_email',
  invalidName: 'users.invalid_name',
  invalidStatus: 'users.invalid_status',
  invalidCursor: 'users.invalid_cursor',
  notFound: 'users.not_found',
  emailTaken: 'users.email_taken',
  concurrentUpdate: 'users.concurrent_update',
  userDeactivated: 'users.user_deactivated',
  adminOnly: 'users.admin_only',
} as const);

/** One of the {@link UsersErrorCode} values. */
export type UsersErrorCode = (typeof UsersErrorCode)[keyof typeof UsersErrorCode];

/** The user is absent or not visible to the caller; both answer the same so ids cannot be probed. */
export function userNotFound(): AppError {
  return AppError.notFound(UsersErrorCode.notFound, 'User not found');
}

/** Another user already has this email; raised by repositories on the unique email. */
export function emailTaken(): AppError {
  return AppError.conflict(UsersErrorCode.emailTaken, 'This email is already registered');
}

/** The stored user changed since it was loaded; raised by repositories on the version check. */
export function concurrentUpdate(): AppError {
  return AppError.concurrency(UsersErrorCode.concurrentUpdate, 'The user was changed by someone else; retry');
}

/** Only an administrator may do this. */
export function adminOnly(): AppError {
  return AppError.forbidden(UsersErrorCode.adminOnly, 'Only an administrator may do this');
}

/** A list cursor that this context did not issue, or that no longer decodes. */
export function invalidCursor(): AppError {
  return AppError.invalid(UsersErrorCode.invalidCursor, 'The cursor is not valid', [
    { pointer: '/cursor', message: 'Use the nextCursor of a previous page' },
  ]);
}
