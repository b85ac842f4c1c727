import type { Stamp, User } from '@contextflow/users-domain';
import { AdminUserChangeHandler } from '../change-user-status/admin-user-change-handler.js';
import type { ReactivateUserCommand } from './reactivate-user-command.js';

/** Reactivates a user: admins only (`users.admin_only`); reactivating an active user changes nothing. */
export class ReactivateUserHandler extends AdminUserChangeHandler<ReactivateUserCommand> {
  protected change(user: User, stamp: Stamp): void {
    user.reactivate(stamp);
  }
}
