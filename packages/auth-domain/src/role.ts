import { ROLES, type Role } from '@contextflow/core';
import { AuthErrors } from './errors.js';

/** Reads a role from untrusted input; throws `auth.unknown_role` (pointer `/role`) for anything else. */
export function parseRole(raw: string): Role {
  const role = ROLES.find((known) => known === raw);
  if (role === undefined) throw AuthErrors.unknownRole(raw);
  return role;
}
