import { describe, expect, it } from 'vitest';
import { callerOf } from './caller-of.js';

describe('callerOf', () => {
  it('scopes an authenticated actor by user id', () => {
    expect(callerOf({ userId: 'u-1', roles: ['user'] })).toBe('user:u-1');
  });

  it('is anonymous without an actor', () => {
    expect(callerOf(null)).toBe('anonymous');
    expect(callerOf(undefined)).toBe('anonymous');
  });
});
