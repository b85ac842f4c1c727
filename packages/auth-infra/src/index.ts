export { Semaphore, type SemaphoreLimits } from './concurrency/semaphore.js';
export { AuthConfig, type ThrottleLimits } from './config/auth-config.js';
export { loadAuthConfig } from './config/load-auth-config.js';
export {
  type Argon2Parameters,
  Argon2PasswordHasher,
  type Argon2PasswordHasherOptions,
  OWASP_ARGON2ID,
} from './crypto/argon2-password-hasher.js';
export { JoseAccessTokenIssuer } from './crypto/jose-access-token-issuer.js';
export { JoseAccessTokenVerifier } from './crypto/jose-access-token-verifier.js';
export {
  algorithmOf,
  generateDevelopmentKey,
  type JsonWebKeySet,
  type JwtAlgorithm,
  JwtKeySet,
  type PublicJwk,
  type SigningKey,
  signingKeyFrom,
  type VerificationKey,
  verificationKeyFrom,
} from './crypto/jwt-keys.js';
export { ACCESS_TOKEN_TYPE, type JwtOptions } from './crypto/jwt-options.js';
export { Sha256RefreshTokens } from './crypto/sha256-refresh-tokens.js';
export { ensureBootstrapAdmin } from './ensure-bootstrap-admin.js';
export { authRoutes, type AuthRoutesOptions } from './http/auth-routes.js';
export {
  clientAddressOf,
  clientAddressReader,
  UNTRUSTED_FORWARDED_FOR,
} from './http/client-address.js';
export type {
  AccountsTable,
  AuthTables,
  DeviceTokensTable,
  LoginFailuresTable,
  PendingCredentialsTable,
  SessionsTable,
  SessionTokenHashesTable,
} from './kysely/auth-tables.js';
export { KyselyAccountRepository } from './kysely/kysely-account-repository.js';
export { DEVICE_TOKENS_PER_ACCOUNT, KyselyDeviceTokens } from './kysely/kysely-device-tokens.js';
export {
  KyselyPendingCredentials,
  PENDING_CREDENTIAL_TTL_MS,
} from './kysely/kysely-pending-credentials.js';
export { KyselySessionRepository } from './kysely/kysely-session-repository.js';
export { KyselySessionStatusReader } from './kysely/kysely-session-status-reader.js';
export {
  ACCESS_CHANNEL,
  AccessChanges,
  SessionCache,
  type SessionCacheOptions,
  type SessionLookup,
} from './cache/session-cache.js';
export { PgLoginThrottle } from './kysely/pg-login-throttle.js';
export { LoggingTakenEmailNotifier } from './logging/logging-taken-email-notifier.js';
export { authMigrations } from './migrations/index.js';
export { type AuthModuleOptions, authModule, createAuthModule } from './module.js';
export { registerAuth } from './register-auth.js';
