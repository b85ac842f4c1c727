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
  email_verified: Generated<boolean>;
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

/** `auth.login_failures`: one row per counted attempt per throttle key (a failed sign-in, a registration). */
export interface LoginFailuresTable {
  /** SHA-256 (base64url) of the throttle key. */
  key_hash: string;
  failed_at: Timestamp;
  /** When the attempt leaves its throttle's window; past it the row is swept. */
  expires_at: Timestamp;
}

/** `auth.device_tokens`: the device tokens sign-ins handed out, by hash. */
export interface DeviceTokensTable {
  /** SHA-256 (base64url) of the token; the token itself is never stored. */
  hash: string;
  account_id: string;
  created_at: Timestamp;
  last_used_at: Timestamp;
}

/** `auth.pending_credentials`: password hashes waiting for their registration to be processed. */
export interface PendingCredentialsTable {
  account_id: string;
  /** A PHC string; never leaves the auth context. */
  password_hash: string;
  created_at: Timestamp;
}

/** `auth.account_links`: the links sent by email (verify the email, reset the password). */
export interface AccountLinksTable {
  id: string;
  account_id: string;
  purpose: 'verify-email' | 'reset-password';
  /** SHA-256 (base64url) of the secret the email carries; null until the email is sent. */
  token_hash: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  sent_at: Timestamp | null;
  used_at: Timestamp | null;
  superseded_at: Timestamp | null;
}

/** The tables of the auth schema as Kysely sees them. */
export interface AuthTables {
  'auth.accounts': AccountsTable;
  'auth.sessions': SessionsTable;
  'auth.session_token_hashes': SessionTokenHashesTable;
  'auth.login_failures': LoginFailuresTable;
  'auth.device_tokens': DeviceTokensTable;
  'auth.pending_credentials': PendingCredentialsTable;
  'auth.account_links': AccountLinksTable;
}
