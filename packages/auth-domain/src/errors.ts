import { AppError } from '@contextflow/core';

/**
 * Every error the auth context throws, by stable code. One place, so the codes other teams switch on
 * (`auth.email_taken`, `auth.invalid_credentials`, ...) are easy to review and never drift.
 */
export const AuthErrors = Object.freeze({
  invalidEmail: (message: string): AppError =>
    AppError.invalid('auth.invalid_email', 'The email address is not valid.', [
      { pointer: '/email', message },
    ]),
  weakPassword: (message: string): AppError =>
    AppError.invalid('auth.weak_password', 'The password does not meet the password policy.', [
      { pointer: '/password', message },
    ]),
  invalidName: (message: string): AppError =>
    AppError.invalid('auth.invalid_name', 'The name is not valid.', [{ pointer: '/name', message }]),
  unknownRole: (role: string): AppError =>
    AppError.invalid('auth.unknown_role', `There is no role "${role}".`, [
      { pointer: '/role', message: 'must be one of: user, admin' },
    ]),
  userRoleRequired: (): AppError =>
    AppError.invalid('auth.user_role_required', 'Every account keeps the user role.', [
      { pointer: '/role', message: 'the user role cannot be revoked' },
    ]),
  emailTaken: (): AppError =>
    AppError.conflict('auth.email_taken', 'An account with this email already exists.'),
  concurrentUpdate: (): AppError =>
    AppError.concurrency('auth.concurrent_update', 'The record was changed by someone else; try again.'),
  accountNotFound: (): AppError => AppError.notFound('auth.account_not_found', 'There is no such account.'),
  invalidCredentials: (): AppError =>
    AppError.unauthorized('auth.invalid_credentials', 'The email or password is incorrect.'),
  invalidRefreshToken: (): AppError =>
    AppError.unauthorized('auth.invalid_refresh_token', 'The refresh token is invalid, expired or revoked.'),
  refreshTokenReused: (): AppError =>
    AppError.unauthorized(
      'auth.refresh_token_reused',
      'The refresh token was already used; every token of its session is now revoked.',
    ),
  adminOnly: (): AppError => AppError.forbidden('auth.admin_only', 'Only an administrator may do this.'),
  tooManyAttempts: (retryAfterSeconds: number): AppError =>
    new AppError('rate_limited', 'auth.too_many_attempts', 'Too many failed attempts; try again later.', {
      retryAfterSeconds,
    }),
  tooManyRegistrations: (retryAfterSeconds: number): AppError =>
    new AppError(
      'rate_limited',
      'auth.too_many_registrations',
      'Too many registrations from this address; try again later.',
      { retryAfterSeconds },
    ),
  registrationExpired: (): AppError =>
    AppError.conflict(
      'auth.registration_expired',
      'The registration waited too long to be processed; register again.',
    ),
  invalidToken: (): AppError =>
    AppError.invalid(
      'auth.invalid_token',
      'The link is unknown, used, expired or superseded by a newer one.',
      [{ pointer: '/token', message: 'is not a valid link token' }],
    ),
  emailAlreadyVerified: (): AppError =>
    AppError.conflict(
      'auth.email_already_verified',
      'The email address of this account is verified already.',
    ),
  wrongPassword: (): AppError =>
    AppError.invalid('auth.wrong_password', 'The current password is not correct.', [
      { pointer: '/currentPassword', message: 'is not the current password' },
    ]),
  unauthenticated: (): AppError =>
    AppError.unauthorized('auth.unauthenticated', 'A valid bearer token is required.'),
  bootstrapPasswordMismatch: (): AppError =>
    AppError.conflict(
      'auth.bootstrap_password_mismatch',
      'BOOTSTRAP_ADMIN_EMAIL names an existing account whose password is not BOOTSTRAP_ADMIN_PASSWORD, so it ' +
        "is not made an administrator. Set BOOTSTRAP_ADMIN_PASSWORD to that account's password, or choose " +
        'another BOOTSTRAP_ADMIN_EMAIL.',
    ),
});
