import { EnableAccountOnUserReactivated, EndSessionsOnUserDeactivated } from '@contextflow/auth-app';
import { describe, expect, it } from 'vitest';
import { loadAuthConfig } from './config/load-auth-config.js';
import { createAuthModule } from './module.js';

describe('createAuthModule', () => {
  const module = createAuthModule(loadAuthConfig({}));

  it('names the context auth and ships its migrations', () => {
    expect(module.name).toBe('auth');
    expect(Object.keys(module.migrations)).toEqual(['0001-create-auth']);
  });

  it('handles the queued and the in-process commands', () => {
    expect(module.commands.map((command) => command.type).sort()).toEqual([
      'auth.ensure-bootstrap-admin',
      'auth.grant-role',
      'auth.login',
      'auth.logout',
      'auth.refresh',
      'auth.register-account',
      'auth.revoke-role',
    ]);
  });

  it('reacts to the users context deactivating and reactivating a user', () => {
    expect(module.events).toEqual([
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
    ]);
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
