import { isoString } from '@contextflow/core';
import type { UserSnapshot } from '@contextflow/users-domain';
import type { UserView } from '../contracts/user-view.js';

/** The view of a stored user, for read models that hold aggregate snapshots (and the verification apart). */
export function toUserView(user: UserSnapshot, emailVerified = false): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    status: user.status,
    emailVerified,
    createdAt: isoString(user.createdAt),
    updatedAt: isoString(user.updatedAt),
  };
}
