import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** `users.users`: the User aggregate's state. */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'deactivated';
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** `users.user_views`: the read model the queries page through. */
export interface UserViewsTable {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'deactivated';
  /** Projected from the auth context's `auth.email-verified` event; the aggregate does not hold it. */
  email_verified: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The tables of the users schema as Kysely sees them. */
export interface UsersTables {
  'users.users': UsersTable;
  'users.user_views': UserViewsTable;
}
