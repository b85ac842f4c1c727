import type { Stamp, User } from '@contextflow/users-domain';
import { AdminUserChangeHandler } from '../change-user-status/admin-user-change-handler.js';
import type { DeactivateUserCommand } from './deactivate-user-command.js';

/** Deactivates a user: admins only (`users.admin_only`); deactivating a deactivated user changes nothing. */
export class DeactivateUserHandler extends AdminUserChangeHandler<DeactivateUserCommand> {
  protected change(user: User, stamp: Stamp): void {
    user.deactivate(stamp);
  }
}
