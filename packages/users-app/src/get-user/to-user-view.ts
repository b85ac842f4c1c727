import type { UserSnapshot } from '@contextflow/users-domain';
import type { UserView } from '../contracts/user-view.js';

/** The view of a stored user, for read models that hold aggregate snapshots. */
export function toUserView(user: UserSnapshot): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    status: user.status,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
