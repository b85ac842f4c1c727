import { describe, expect, it } from 'vitest';
import { isAdmin, isSelfOrAdmin, type Principal } from './principal.js';

const alice: Principal = { userId: 'alice', roles: ['user'] };
const admin: Principal = { userId: 'root', roles: ['user', 'admin'] };

describe('principal rules', () => {
  it('lets a user act on their own resource', () => {
    expect(isSelfOrAdmin(alice, 'alice')).toBe(true);
  });

  it("keeps a user from another user's resource", () => {
    expect(isSelfOrAdmin(alice, 'bob')).toBe(false);
  });

  it('lets an admin act on any resource', () => {
    expect(isAdmin(admin)).toBe(true);
    expect(isSelfOrAdmin(admin, 'bob')).toBe(true);
  });

  it('refuses anonymous callers', () => {
    expect(isSelfOrAdmin(null, 'bob')).toBe(false);
    expect(isAdmin(undefined)).toBe(false);
  });
});
