import { UsersErrors } from './errors.js';

/** Whether a user may act: `active`, or `deactivated` by an administrator. */
export type UserStatus = 'active' | 'deactivated';

const VALUES: readonly UserStatus[] = Object.freeze(['active', 'deactivated']);

/** The user statuses and their parser. */
export const UserStatus = Object.freeze({
  /** Every status, for validation and schemas. */
  values: VALUES,
  /** Parses raw input; throws `invalid` `users.invalid_status` for anything else. */
  of(raw: string): UserStatus {
    const status = VALUES.find((value) => value === raw);
    if (status === undefined) {
      throw UsersErrors.invalidStatus(`Status must be one of: ${VALUES.join(', ')}`);
    }
    return status;
  },
});
