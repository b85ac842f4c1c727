import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** `auth.accounts`: the Account aggregate's state. */
export interface AccountsTable {
  id: string;
  email: string;
  /** A PHC string; never leaves the auth context. */
  password_hash: string;
  roles: string[];
  status: 'active' | 'disabled';
  version: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** `auth.sessions`: the Session aggregate's state (one refresh-token family). */
export interface SessionsTable {
  id: string;
  account_id: string;
  current_token_hash: string;
  generation: number;
  status: 'active' | 'revoked';
  revoked_reason: 'logout' | 'reuse_detected' | 'account_disabled' | null;
  revoked_at: Timestamp | null;
  created_at: Timestamp;
  last_used_at: Timestamp;
  expires_at: Timestamp;
  version: number;
}

/** `auth.session_token_hashes`: every refresh-token hash of every family, current and exchanged. */
export interface SessionTokenHashesTable {
  hash: string;
  session_id: string;
  /** 1 for the family's first token, +1 per rotation. */
  generation: number;
}

/** `auth.login_failures`: one row per failed attempt per throttle key. */
export interface LoginFailuresTable {
  /** SHA-256 (base64url) of the throttle key. */
  key_hash: string;
  failed_at: Timestamp;
}

/** The tables of the auth schema as Kysely sees them. */
export interface AuthTables {
  'auth.accounts': AccountsTable;
  'auth.sessions': SessionsTable;
  'auth.session_token_hashes': SessionTokenHashesTable;
  'auth.login_failures': LoginFailuresTable;
}
