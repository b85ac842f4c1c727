import { describe, expect, it } from 'vitest';
import { UserStatus } from './user-status.js';

describe('UserStatus', () => {
  it('accepts every known status', () => {
    expect(UserStatus.values.map((value) => UserStatus.of(value))).toEqual(['active', 'deactivated']);
  });

  it.each(['', 'Active', 'deleted'])('rejects %j', (raw) => {
    expect(() => UserStatus.of(raw)).toThrow(
      expect.objectContaining({
        kind: 'invalid',
        code: 'users.invalid_status',
        issues: [{ pointer: '/status', message: expect.any(String) }],
      }),
    );
  });
});
