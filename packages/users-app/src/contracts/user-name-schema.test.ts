import { UserName } from '@contextflow/users-domain';
import { describe, expect, it } from 'vitest';
import { UserNameSchema } from './user-name-schema.js';

describe('UserNameSchema', () => {
  it.each(['   ', '', 'Ada\nLovelace', 'nul\u0000byte', 'a'.repeat(101)])(
    'refuses %j with the message the domain gives',
    (raw) => {
      const result = UserNameSchema.safeParse(raw);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(UserName.problemOf(raw));
    },
  );

  it('accepts what the domain accepts, counting an emoji as one character', () => {
    expect(UserNameSchema.parse('😀'.repeat(100))).toBe('😀'.repeat(100));
    expect(UserNameSchema.parse(' Ada ')).toBe(' Ada ');
  });
});
