import { UUID_PATTERN } from '@contextflow/core';
import { UsersErrors } from '@contextflow/users-domain';

/** Where a user list page ends: the sort key of its last user. */
export interface UserListPosition {
  /** The last user's `createdAt`, ISO 8601 or PostgreSQL's text form (keep the store's full precision). */
  readonly createdAt: string;
  readonly id: string;
}

// ISO 8601 (`T`, `Z`) or PostgreSQL's timestamptz text (` `, `+00`), up to microseconds.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2})?)$/;

function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (!TIMESTAMP.test(value)) return false;
  // Date.parse wants `T` and a `+hh:mm` offset; it then rejects impossible months and hours.
  const iso = value.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  if (Number.isNaN(Date.parse(iso))) return false;
  // ...but rolls 02-30 over to 03-02, where PostgreSQL refuses it.
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  if (new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0)).getUTCDate() !== day) return false;
  // ...and takes year 0 and offsets up to 23:59, where PostgreSQL has no year 0 and stops at 15:59.
  const offsetHours = /[+-](\d{2})(?::?\d{2})?$/.exec(value)?.[1];
  return (year ?? 0) >= 1 && Number(offsetHours ?? 0) <= 15;
}

/** The opaque cursor of user lists: base64url JSON of a {@link UserListPosition}; read models share it. */
export const UserListCursor = Object.freeze({
  /** The cursor that continues after `position`. */
  encode(position: UserListPosition): string {
    return Buffer.from(JSON.stringify([position.createdAt, position.id]), 'utf8').toString('base64url');
  },

  /** The position a cursor stands for; throws invalid `users.invalid_cursor` for anything it did not encode. */
  decode(cursor: string): UserListPosition {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      throw UsersErrors.invalidCursor();
    }
    if (!Array.isArray(decoded) || decoded.length !== 2) throw UsersErrors.invalidCursor();
    const [createdAt, id] = decoded as unknown[];
    // Adapters put both values into SQL parameters: a value the database cannot cast must fail here, as invalid.
    if (!isTimestamp(createdAt) || typeof id !== 'string' || !UUID_PATTERN.test(id))
      throw UsersErrors.invalidCursor();
    return { createdAt, id };
  },
});
