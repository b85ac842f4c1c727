import { AppError } from '@contextflow/core';

/**
 * Every error the users context raises, by stable code (`users.email_taken`, ...). One place, so the codes
 * clients and other contexts switch on are easy to review and never drift.
 */
export const UsersErrors = Object.freeze({
  invalidEmail: (message: string): AppError =>
    AppError.invalid('users.invalid_email', 'Email is not valid', [{ pointer: '/email', message }]),
  invalidName: (message: string): AppError =>
    AppError.invalid('users.invalid_name', 'Name is not valid', [{ pointer: '/name', message }]),
  invalidStatus: (message: string): AppError =>
    AppError.invalid('users.invalid_status', 'Status is not valid', [{ pointer: '/status', message }]),
  /** A list cursor that this context did not issue, or that no longer decodes. */
  invalidCursor: (): AppError =>
    AppError.invalid('users.invalid_cursor', 'The cursor is not valid', [
      { pointer: '/cursor', message: 'Use the nextCursor of a previous page' },
    ]),
  /** The user is absent or not visible to the caller; both answer the same so ids cannot be probed. */
  notFound: (): AppError => AppError.notFound('users.not_found', 'User not found'),
  /** Another user already has this email; raised by repositories on the unique email. */
  emailTaken: (): AppError => AppError.conflict('users.email_taken', 'This email is already registered'),
  /** The stored user changed since it was loaded; raised by repositories on the version check. */
  concurrentUpdate: (): AppError =>
    AppError.concurrency('users.concurrent_update', 'The user was changed by someone else; retry'),
  userDeactivated: (): AppError =>
    AppError.conflict('users.user_deactivated', 'A deactivated user cannot be renamed'),
  adminOnly: (): AppError => AppError.forbidden('users.admin_only', 'Only an administrator may do this'),
  /** An event that does not match the contract of its type and version. */
  invalidEvent: (type: string): AppError =>
    AppError.invalid('users.invalid_event', `${type} does not match its v1 contract`),
});
