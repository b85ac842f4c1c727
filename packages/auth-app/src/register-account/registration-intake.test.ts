import { describe, expect, it } from 'vitest';
import { createAuthFakes } from '../testing/index.js';
import { RegistrationIntake } from './registration-intake.js';

const PASSWORD = 'correct horse battery staple';

function setUp() {
  const fakes = createAuthFakes();
  const intake = new RegistrationIntake(
    fakes.registrations,
    fakes.hasher,
    fakes.pendingCredentials,
    fakes.ids,
  );
  const admit = (email: string, clientAddress = '203.0.113.7', password = PASSWORD) =>
    intake.admit({ email, password, name: 'Ada', clientAddress });
  return { ...fakes, admit, hashed: () => fakes.hasher.hashCalls };
}

describe('RegistrationIntake', () => {
  it('stores the password hash under a new account id and answers a payload without any credential', async () => {
    const { admit, pendingCredentials } = setUp();
    const payload = await admit(' Ada@Example.com ');
    expect(payload).toEqual({ accountId: expect.any(String), email: 'ada@example.com', name: 'Ada' });
    expect(JSON.stringify(payload)).not.toContain('hash');
    expect(await pendingCredentials.take(payload.accountId)).toBe(`fake-hash:${PASSWORD}`);
  });

  it('refuses the 21st registration from one address within the hour before hashing, and not another address', async () => {
    const { admit, hashed, clock } = setUp();
    for (let i = 0; i < 20; i += 1) await admit(`user${i}@example.com`);
    await expect(admit('one-more@example.com')).rejects.toThrow(
      expect.objectContaining({
        kind: 'rate_limited',
        code: 'auth.too_many_registrations',
        retryAfterSeconds: 3600,
      }),
    );
    expect(hashed()).toBe(20);
    await expect(admit('elsewhere@example.com', '198.51.100.1')).resolves.toBeDefined();
    clock.advance(3600_000);
    await expect(admit('later@example.com')).resolves.toBeDefined();
  });

  it('refuses a weak password or a bad email before counting or hashing anything', async () => {
    const { admit, hashed } = setUp();
    await expect(admit('ada@example.com', '203.0.113.7', 'password')).rejects.toThrow(
      expect.objectContaining({ code: 'auth.weak_password' }),
    );
    await expect(admit('not an email')).rejects.toThrow(
      expect.objectContaining({ code: 'auth.invalid_email' }),
    );
    expect(hashed()).toBe(0);
    for (let i = 0; i < 20; i += 1) await admit(`user${i}@example.com`);
  });
});
