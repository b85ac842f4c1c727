import { describe, expect, it } from 'vitest';
import { preparePassword } from './prepare-password.js';

describe('preparePassword', () => {
  it('returns the normalised email of an acceptable registration', () => {
    expect(
      preparePassword({ email: ' Alice@Example.com', password: 'correct horse battery staple' }),
    ).toEqual({
      email: 'alice@example.com',
    });
  });

  it('rejects an invalid email before looking at the password', () => {
    expect(() => preparePassword({ email: 'alice', password: 'x' })).toThrow(
      expect.objectContaining({ code: 'auth.invalid_email' }),
    );
  });

  it('rejects a weak password with a pointer to /password', () => {
    expect(() => preparePassword({ email: 'alice@example.com', password: 'iloveyou' })).toThrow(
      expect.objectContaining({
        code: 'auth.weak_password',
        issues: [expect.objectContaining({ pointer: '/password' })],
      }),
    );
  });
});
