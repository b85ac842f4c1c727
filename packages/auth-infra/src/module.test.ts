import { EnableAccountOnUserReactivated } from './amqp/enable-account-on-user-reactivated.js';
import { EndSessionsOnUserDeactivated } from './amqp/end-sessions-on-user-deactivated.js';
import { SendAccountEmailOnEmailRequested } from './amqp/send-account-email-on-email-requested.js';
import { describe, expect, it } from 'vitest';
import { loadAuthConfig } from './config/load-auth-config.js';
import { createAuthModule } from './module.js';

describe('createAuthModule', () => {
  const module = createAuthModule(loadAuthConfig({}));

  it('names the context auth and ships its migrations', () => {
    expect(module.name).toBe('auth');
    expect(Object.keys(module.migrations)).toEqual([
      '0001-create-auth',
      '0002-notify-access-changes',
      '0003-create-device-tokens',
      '0004-create-pending-credentials',
      '0005-expire-throttle-rows',
      '0006-create-account-links',
    ]);
  });

  it('handles the queued and the in-process commands', () => {
    expect(module.commands.map((command) => command.type).sort()).toEqual([
      'auth.change-password',
      'auth.ensure-bootstrap-admin',
      'auth.grant-role',
      'auth.login',
      'auth.logout',
      'auth.logout-all',
      'auth.refresh',
      'auth.register-account',
      'auth.request-email-verification',
      'auth.request-password-reset',
      'auth.reset-password',
      'auth.revoke-role',
      'auth.verify-email',
    ]);
  });

  it('reacts to the users context deactivating and reactivating a user, and sends the emails its own events ask for', () => {
    expect(module.events.map(({ name, events, handler }) => ({ name, events, handler }))).toEqual([
      {
        name: 'auth.end-sessions-on-user-deactivated',
        events: ['users.user-deactivated.v1'],
        handler: EndSessionsOnUserDeactivated,
      },
      {
        name: 'auth.enable-account-on-user-reactivated',
        events: ['users.user-reactivated.v1'],
        handler: EnableAccountOnUserReactivated,
      },
      {
        name: 'auth.send-account-email-on-email-requested',
        events: [
          'auth.email-verification-requested.v1',
          'auth.password-reset-requested.v1',
          'auth.registration-attempted.v1',
        ],
        handler: SendAccountEmailOnEmailRequested,
      },
    ]);
  });

  it('checks each event it binds against its publisher’s contract', () => {
    for (const subscription of module.events)
      expect(Object.keys(subscription.contracts ?? {})).toEqual(subscription.events);
    const contract = module.events[0]?.contracts?.['users.user-deactivated.v1'];
    const event = {
      id: '0193a5b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b',
      type: 'users.user-deactivated',
      version: 1,
      occurredAt: '2026-01-01T00:00:00.000Z',
      aggregateId: '0193a5b2-7c1d-7e3f-8a9b-0c1d2e3f4a5c',
      aggregateVersion: 2,
      payload: {},
    };
    expect(contract?.safeParse(event).success).toBe(true);
    expect(contract?.safeParse({ ...event, type: 'users.user-reactivated' }).success).toBe(false);
  });

  it('reads the environment only when first used, not when created', () => {
    const { NODE_ENV, JWT_PRIVATE_KEY } = process.env;
    process.env.NODE_ENV = 'production';
    delete process.env.JWT_PRIVATE_KEY;
    try {
      const lazy = createAuthModule();
      expect(() => lazy.routes?.()).toThrow('JWT_PRIVATE_KEY is required when NODE_ENV=production');
    } finally {
      process.env.NODE_ENV = NODE_ENV;
      if (JWT_PRIVATE_KEY !== undefined) process.env.JWT_PRIVATE_KEY = JWT_PRIVATE_KEY;
    }
  });
});
