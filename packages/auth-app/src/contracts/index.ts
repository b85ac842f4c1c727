export { AccountRegisteredV1 } from './account-registered-v1.js';
export { AuthEventTypes, AuthRoutingKeys } from './auth-event-types.js';
export { EmailVerificationRequestedV1 } from './email-verification-requested-v1.js';
export { EmailVerifiedV1 } from './email-verified-v1.js';
export { PasswordResetRequestedV1 } from './password-reset-requested-v1.js';
export { RegistrationAttemptedV1 } from './registration-attempted-v1.js';
export { RoleGrantedV1 } from './role-granted-v1.js';
export { RoleRevokedV1 } from './role-revoked-v1.js';
