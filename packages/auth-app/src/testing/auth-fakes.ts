import { FixedClock, SequentialIds } from '@contextflow/core/testing';
import { DEFAULT_AUTH_SETTINGS } from '../ports/auth-settings.js';
import { SessionStarter } from '../sign-in/session-starter.js';
import { FakeAccessTokenIssuer } from './fake-access-token-issuer.js';
import { FakePasswordHasher } from './fake-password-hasher.js';
import { FakeLinkSecrets } from './fake-link-secrets.js';
import { FakeRefreshTokens } from './fake-refresh-tokens.js';
import { InMemoryAccountLinks } from './in-memory-account-links.js';
import { InMemoryAccountRepository } from './in-memory-account-repository.js';
import { InMemoryDeviceTokens } from './in-memory-device-tokens.js';
import { InMemoryLoginThrottle } from './in-memory-login-throttle.js';
import { InMemoryPendingCredentials } from './in-memory-pending-credentials.js';
import { InMemorySessionRepository } from './in-memory-session-repository.js';
import { InMemorySessionStatusReader } from './in-memory-session-status-reader.js';
import { RecordingMailer } from './recording-mailer.js';

/** Every port of the auth context as an in-memory fake, wired together; one fresh set per test. */
export function createAuthFakes() {
  const clock = new FixedClock('2026-03-01T12:00:00.000Z');
  const ids = new SequentialIds();
  const accounts = new InMemoryAccountRepository();
  const sessions = new InMemorySessionRepository();
  const hasher = new FakePasswordHasher();
  const accessTokens = new FakeAccessTokenIssuer();
  const refreshTokens = new FakeRefreshTokens();
  const throttle = new InMemoryLoginThrottle(clock);
  // Every registration counts: 20 per address per hour, the configuration's default.
  const registrations = new InMemoryLoginThrottle(clock, { maxFailures: 20, windowSeconds: 3600 });
  const devices = new InMemoryDeviceTokens(clock);
  const pendingCredentials = new InMemoryPendingCredentials();
  const links = new InMemoryAccountLinks();
  const linkSecrets = new FakeLinkSecrets();
  const mailer = new RecordingMailer();
  const settings = DEFAULT_AUTH_SETTINGS;
  const sessionStatus = new InMemorySessionStatusReader(accounts, sessions);
  const sessionStarter = new SessionStarter(sessions, refreshTokens, accessTokens, settings, ids, clock);
  return {
    clock,
    ids,
    accounts,
    sessions,
    hasher,
    accessTokens,
    refreshTokens,
    throttle,
    registrations,
    devices,
    pendingCredentials,
    links,
    linkSecrets,
    mailer,
    settings,
    sessionStatus,
    sessionStarter,
  };
}

/** The set of fakes {@link createAuthFakes} returns. */
export type AuthFakes = ReturnType<typeof createAuthFakes>;
