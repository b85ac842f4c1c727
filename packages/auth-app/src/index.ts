export { LINK_TOKEN_PATTERN, parseLinkToken } from './account-links/link-token.js';
export { changeAccount } from './accounts/change-account.js';
export {
  ChangePasswordCommand,
  ChangePasswordPayloadSchema,
} from './change-password/change-password-command.js';
export { ChangePasswordHandler } from './change-password/change-password-handler.js';
export { AccessTokenAuthenticator } from './authenticate-access-token/access-token-authenticator.js';
export {
  EnsureBootstrapAdminCommand,
  type EnsureBootstrapAdminResult,
} from './ensure-bootstrap-admin/ensure-bootstrap-admin-command.js';
export { EnsureBootstrapAdminHandler } from './ensure-bootstrap-admin/ensure-bootstrap-admin-handler.js';
export { GrantRoleCommand, GrantRolePayloadSchema } from './grant-role/grant-role-command.js';
export { GrantRoleHandler } from './grant-role/grant-role-handler.js';
export { type IssuedTokens, type LoginTokens } from './sign-in/issued-tokens.js';
export { LoginCommand, type LoginPayload } from './login/login-command.js';
export { LoginHandler } from './login/login-handler.js';
export { LogoutCommand } from './logout/logout-command.js';
export { LogoutHandler } from './logout/logout-handler.js';
export { LogoutAllCommand } from './logout-all/logout-all-command.js';
export { LogoutAllHandler } from './logout-all/logout-all-handler.js';
export {
  type AccessTokenClaims,
  AccessTokenIssuer,
  type IssuedAccessToken,
} from './ports/access-token-issuer.js';
export { AccessTokenVerifier } from './ports/access-token-verifier.js';
export { type AccountLink, AccountLinks, type LinkPurpose } from './ports/account-links.js';
export { AuthSettings } from './ports/auth-settings.js';
export { RemindUnverifiedEmailProcess } from './remind-unverified-email/remind-unverified-email-process.js';
export { LinkSecrets } from './ports/link-secrets.js';
export { Mailer, type OutgoingEmail } from './ports/mailer.js';
export { DeviceTokens, type KnownDevice } from './ports/device-tokens.js';
export { LoginThrottle } from './ports/login-throttle.js';
export { type PasswordCheck, PasswordHasher } from './ports/password-hasher.js';
export { NewPasswordIntake } from './new-password/new-password-intake.js';
export { PendingCredentials } from './ports/pending-credentials.js';
export { type GeneratedRefreshToken, RefreshTokens } from './ports/refresh-tokens.js';
export { type LiveSession, SessionStatusReader } from './ports/session-status-reader.js';
export { RefreshCommand } from './refresh/refresh-command.js';
export { RefreshHandler } from './refresh/refresh-handler.js';
export { preparePassword } from './register-account/prepare-password.js';
export {
  RegisterAccountCommand,
  RegisterAccountPayloadSchema,
  type RegisterAccountPayload,
} from './register-account/register-account-command.js';
export { RegisterAccountHandler } from './register-account/register-account-handler.js';
export { RegistrationIntake } from './register-account/registration-intake.js';
export {
  RequestEmailVerificationCommand,
  RequestEmailVerificationPayloadSchema,
} from './request-email-verification/request-email-verification-command.js';
export { RequestEmailVerificationHandler } from './request-email-verification/request-email-verification-handler.js';
export {
  RequestPasswordResetCommand,
  RequestPasswordResetPayloadSchema,
} from './request-password-reset/request-password-reset-command.js';
export { RequestPasswordResetHandler } from './request-password-reset/request-password-reset-handler.js';
export {
  ResetPasswordCommand,
  ResetPasswordPayloadSchema,
} from './reset-password/reset-password-command.js';
export { ResetPasswordHandler } from './reset-password/reset-password-handler.js';
export { RevokeRoleCommand, RevokeRolePayloadSchema } from './revoke-role/revoke-role-command.js';
export { RevokeRoleHandler } from './revoke-role/revoke-role-handler.js';
export { SessionStarter } from './sign-in/session-starter.js';
export { type TokenOutcome, tokensOrThrow } from './sign-in/token-outcome.js';
export { AccountEmailSender } from './send-account-email/account-email-sender.js';
export { VerifyEmailCommand, VerifyEmailPayloadSchema } from './verify-email/verify-email-command.js';
export { VerifyEmailHandler } from './verify-email/verify-email-handler.js';
