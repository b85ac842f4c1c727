import { describe, expect, it } from 'vitest';
import { aCommand, anAccount, createAuthFakes } from '../testing/index.js';
import type { RegisterAccountCommand, RegisterAccountPayload } from './register-account-command.js';
import { RegisterAccountHandler } from './register-account-handler.js';

const ID = '01900000-0000-7000-8000-000000000001';
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA';

async function setUp() {
  const fakes = createAuthFakes();
  const handler = new RegisterAccountHandler(
    fakes.accounts,
    fakes.pendingCredentials,
    fakes.links,
    fakes.settings,
    fakes.ids,
    fakes.clock,
  );
  await fakes.pendingCredentials.put(ID, HASH);
  const register = (payload: Partial<RegisterAccountPayload> = {}) =>
    handler.handle(
      aCommand<RegisterAccountCommand>('auth.register-account', {
        accountId: ID,
        email: 'Alice@Example.com',
        name: 'Alice',
        ...payload,
      }),
    );
  return { ...fakes, register };
}

describe('RegisterAccountHandler', () => {
  it('creates an active user account under the given id with the hash that waited for it, and answers its id', async () => {
    const { register, accounts, pendingCredentials } = await setUp();
    expect(await register()).toEqual({ accountId: ID });
    expect(accounts.snapshotOf(ID)).toEqual(
      expect.objectContaining({
        email: 'alice@example.com',
        roles: ['user'],
        status: 'active',
        passwordHash: HASH,
      }),
    );
    expect(pendingCredentials.waiting).toEqual([]);
  });

  it('publishes the registration with email and name and without the hash, then asks for a verification email', async () => {
    const { register, accounts, links } = await setUp();
    await register();
    const [link] = links.all;
    expect(accounts.published).toEqual([
      expect.objectContaining({
        type: 'auth.account-registered',
        aggregateId: ID,
        occurredAt: '2026-03-01T12:00:00.000Z',
        payload: { email: 'alice@example.com', name: 'Alice' },
      }),
      expect.objectContaining({
        type: 'auth.email-verification-requested',
        aggregateId: ID,
        payload: { linkId: link?.id, email: 'alice@example.com', reminder: false },
      }),
    ]);
    expect(link).toMatchObject({
      accountId: ID,
      purpose: 'verify-email',
      tokenHash: null,
      expiresAt: new Date('2026-03-02T12:00:00.000Z'),
    });
    expect(accounts.snapshotOf(ID)?.emailVerified).toBe(false);
  });

  it('answers a taken email exactly like a new one, makes no second account and tells the owner (no account oracle)', async () => {
    const { register, accounts, links, pendingCredentials } = await setUp();
    const owner = anAccount().withEmail('alice@example.com').build();
    accounts.seed(owner);
    expect(await register({ email: 'ALICE@example.com' })).toEqual({ accountId: ID });
    expect(accounts.snapshotOf(ID)).toBeUndefined();
    expect(accounts.snapshotOf(owner.id)?.passwordHash).toBe(owner.passwordHash);
    expect(accounts.published).toEqual([
      expect.objectContaining({
        type: 'auth.registration-attempted',
        aggregateId: owner.id,
        payload: { email: 'alice@example.com' },
      }),
    ]);
    expect(links.all).toEqual([]);
    expect(pendingCredentials.waiting).toEqual([]);
  });

  it('runs again (a passing conflict) when a concurrent registration of the email wins the race', async () => {
    const { register, accounts } = await setUp();
    const winner = anAccount().withEmail('alice@example.com').build();
    // The winner commits between this handler's lookup and its save.
    const findByEmail = accounts.findByEmail.bind(accounts);
    accounts.findByEmail = async (email) => {
      const found = await findByEmail(email);
      accounts.seed(winner);
      return found;
    };
    await expect(register()).rejects.toThrow(
      expect.objectContaining({ kind: 'concurrency', code: 'auth.concurrent_update' }),
    );
  });

  it('fails with registration_expired when no hash waits for the account', async () => {
    const { register } = await setUp();
    await expect(register({ accountId: '01900000-0000-7000-8000-0000000000ff' })).rejects.toThrow(
      expect.objectContaining({ code: 'auth.registration_expired' }),
    );
  });

  it('honours the hash a command accepted by an earlier version carries itself', async () => {
    const { register, accounts } = await setUp();
    const legacy = '01900000-0000-7000-8000-0000000000aa';
    await register({ accountId: legacy, email: 'old@example.com', passwordHash: HASH } as never);
    expect(accounts.snapshotOf(legacy)?.passwordHash).toBe(HASH);
  });

  it('rejects an invalid email or name', async () => {
    const { register } = await setUp();
    await expect(register({ email: 'nope' })).rejects.toThrow(
      expect.objectContaining({ code: 'auth.invalid_email' }),
    );
    await expect(register({ name: ' ' })).rejects.toThrow(
      expect.objectContaining({ code: 'auth.invalid_name' }),
    );
  });
});
