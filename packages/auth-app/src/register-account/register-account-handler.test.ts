import { describe, expect, it } from 'vitest';
import { aCommand, anAccount, createAuthFakes } from '../testing/index.js';
import type { RegisterAccountCommand, RegisterAccountPayload } from './register-account-command.js';
import { RegisterAccountHandler } from './register-account-handler.js';

const ID = '01900000-0000-7000-8000-000000000001';

function setUp() {
  const fakes = createAuthFakes();
  const handler = new RegisterAccountHandler(fakes.accounts, fakes.ids, fakes.clock);
  const register = (payload: Partial<RegisterAccountPayload> = {}) =>
    handler.handle(
      aCommand<RegisterAccountCommand>('auth.register-account', {
        accountId: ID,
        email: 'Alice@Example.com',
        name: 'Alice',
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
        ...payload,
      }),
    );
  return { ...fakes, register };
}

describe('RegisterAccountHandler', () => {
  it('creates an active user account under the given id and answers its id', async () => {
    const { register, accounts } = setUp();
    expect(await register()).toEqual({ accountId: ID });
    expect(accounts.snapshotOf(ID)).toEqual(
      expect.objectContaining({ email: 'alice@example.com', roles: ['user'], status: 'active' }),
    );
  });

  it('publishes the registration with email and name and without the hash', async () => {
    const { register, accounts } = setUp();
    await register();
    expect(accounts.published).toEqual([
      expect.objectContaining({
        type: 'auth.account-registered',
        aggregateId: ID,
        occurredAt: '2026-03-01T12:00:00.000Z',
        payload: { email: 'alice@example.com', name: 'Alice' },
      }),
    ]);
  });

  it('fails with email_taken when the email already has an account, whatever its case', async () => {
    const { register, accounts } = setUp();
    accounts.seed(anAccount().withEmail('alice@example.com').build());
    await expect(register({ email: 'ALICE@example.com' })).rejects.toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'auth.email_taken' }),
    );
    expect(accounts.snapshotOf(ID)).toBeUndefined();
  });

  it('rejects an invalid email or name', async () => {
    const { register } = setUp();
    await expect(register({ email: 'nope' })).rejects.toThrow(
      expect.objectContaining({ code: 'auth.invalid_email' }),
    );
    await expect(register({ name: ' ' })).rejects.toThrow(
      expect.objectContaining({ code: 'auth.invalid_name' }),
    );
  });
});
