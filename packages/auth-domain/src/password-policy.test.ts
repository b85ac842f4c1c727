import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.js';
import { Email } from './email.js';
import { PasswordPolicy } from './password-policy.js';

const email = Email.parse('alice@example.com');
const weak = (message: string) =>
  expect.objectContaining({
    kind: 'invalid',
    code: 'auth.weak_password',
    issues: [{ pointer: '/password', message: expect.stringContaining(message) }],
  });

describe('PasswordPolicy', () => {
  it('accepts a long uncommon password without composition rules', () => {
    expect(() => PasswordPolicy.check('correct horse battery staple', email)).not.toThrow();
    expect(() => PasswordPolicy.check('all lower case words', email)).not.toThrow();
  });

  it('rejects 7 characters and accepts 8', () => {
    expect(() => PasswordPolicy.check('zq7#vk2', email)).toThrow(weak('at least 8'));
    expect(() => PasswordPolicy.check('zq7#vk2m', email)).not.toThrow();
  });

  it('counts code points, so 8 emoji are long enough though they are 16 UTF-16 units', () => {
    expect(() => PasswordPolicy.check('🐙🦑🐡🐠🦀🦞🦐🐚', email)).not.toThrow();
    expect(() => PasswordPolicy.check('🐙🦑🐡🐠🦀🦞🐚', email)).toThrow(weak('at least 8'));
  });

  it('accepts 128 code points and rejects 129', () => {
    const base = 'Zq7#vk2m'.repeat(16);
    expect(() => PasswordPolicy.check(base, email)).not.toThrow();
    expect(() => PasswordPolicy.check(`${base}x`, email)).toThrow(weak('at most 128'));
    expect(() => PasswordPolicy.check('🐙'.repeat(128), email)).not.toThrow();
  });

  it('rejects a common password whatever its case', () => {
    expect(() => PasswordPolicy.check('password1', email)).toThrow(weak('too common'));
    expect(() => PasswordPolicy.check('SUNSHINE1', email)).toThrow(weak('too common'));
    expect(() => PasswordPolicy.check('Qwerty123', email)).toThrow(weak('too common'));
  });

  it('rejects the account email as password, whatever its case', () => {
    expect(() => PasswordPolicy.check('Alice@Example.com', email)).toThrow(weak('email'));
  });

  it('ships at least the 1,000 most common passwords, lower-cased and without blanks', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(1000);
    expect(COMMON_PASSWORDS.has('123456')).toBe(true);
    expect([...COMMON_PASSWORDS].every((entry) => entry === entry.toLowerCase() && !/\s/.test(entry))).toBe(
      true,
    );
  });
});
