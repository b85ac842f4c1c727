/** Wire types of the auth events other contexts may consume: public API, never renamed (add a version instead). */
export const AuthEventTypes = Object.freeze({
  accountRegistered: 'auth.account-registered',
  roleGranted: 'auth.role-granted',
  roleRevoked: 'auth.role-revoked',
  emailVerificationRequested: 'auth.email-verification-requested',
  emailVerified: 'auth.email-verified',
  passwordResetRequested: 'auth.password-reset-requested',
  registrationAttempted: 'auth.registration-attempted',
} as const);

/** Routing keys (`<type>.v<version>`) to bind on the event exchange. */
export const AuthRoutingKeys = Object.freeze({
  accountRegisteredV1: 'auth.account-registered.v1',
  roleGrantedV1: 'auth.role-granted.v1',
  roleRevokedV1: 'auth.role-revoked.v1',
  emailVerificationRequestedV1: 'auth.email-verification-requested.v1',
  emailVerifiedV1: 'auth.email-verified.v1',
  passwordResetRequestedV1: 'auth.password-reset-requested.v1',
  registrationAttemptedV1: 'auth.registration-attempted.v1',
} as const);
