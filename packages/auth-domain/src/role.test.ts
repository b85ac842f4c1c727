import { describe, expect, it } from 'vitest';
import { parseRole } from './role.js';

describe('parseRole', () => {
  it('reads the known roles', () => {
    expect(parseRole('admin')).toBe('admin');
    expect(parseRole('user')).toBe('user');
  });

  it('rejects any other role with a pointer to /role', () => {
    expect(() => parseRole('root')).toThrow(
      expect.objectContaining({
        code: 'auth.unknown_role',
        issues: [expect.objectContaining({ pointer: '/role' })],
      }),
    );
  });
});
