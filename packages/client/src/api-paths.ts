// Generated from openapi.snapshot.json by `pnpm api:snapshot`. Do not edit.

/** `UserView` of the API. */
export type UserView = {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'deactivated';
  createdAt: string;
  updatedAt: string;
};

/** `Problem` of the API. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Stable error code clients may switch on. */
  code: string;
  /** The request path. */
  instance?: string;
  errors?: Array<{
    /** JSON Pointer into the validated input. */
    pointer: string;
    message: string;
  }>;
};

/** `UserPage` of the API. */
export type UserPage = {
  items: UserView[];
  nextCursor: string | null;
};

/** `CommandView` of the API. */
export type CommandView = {
  id: string;
  type: string;
  status: 'pending' | 'processing' | 'succeeded' | 'failed';
  /** The handler's result once succeeded. */
  result?: unknown;
  error?: Problem;
  createdAt: string;
  updatedAt: string;
  /** Who asked: the user id, shown for operator actions (those with progress). */
  issuedBy?: string;
  /** How far a long-running command (an operator action) got. */
  progress?: {
    done: number;
    /** Items left as they were (not found, refused). */
    failed: number;
    total: number;
    updatedAt: string;
  };
};

/** `RenameUserBody` of the API. */
export type RenameUserBody = {
  /** 1 to 100 characters once trimmed; no control characters or line breaks. */
  name: string;
};

/** `RegisterBody` of the API. */
export type RegisterBody = {
  email: string;
  password: string;
  /** 1 to 100 characters once trimmed; no control characters or line breaks. */
  name: string;
};

/** `LoginTokens` of the API. */
export type LoginTokens = {
  /** A JWT (EdDSA/ES256) for `Authorization: Bearer`. */
  accessToken: string;
  /** Opaque; single use: each refresh returns the next one. */
  refreshToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** Opaque and long-lived: keep it (like a cookie) and send it with every later sign-in of this client. The one sent is answered again while it is valid; otherwise this is a new one. `POST /auth/logout-all` revokes them all. */
  deviceToken: string;
};

/** `LoginBody` of the API. */
export type LoginBody = {
  email: string;
  password: string;
  /** The `deviceToken` an earlier sign-in of this client answered, if it kept it. With a valid one for this account, the sign-in is judged only by this device's own failures, so strangers failing against the account cannot lock it out. Anything else counts as none. */
  deviceToken?: string;
};

/** `Tokens` of the API. */
export type Tokens = {
  /** A JWT (EdDSA/ES256) for `Authorization: Bearer`. */
  accessToken: string;
  /** Opaque; single use: each refresh returns the next one. */
  refreshToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
};

/** `RefreshTokenBody` of the API. */
export type RefreshTokenBody = {
  refreshToken: string;
};

/** `JsonWebKeySet` of the API. */
export type JsonWebKeySet = {
  keys: Array<{
    kty: string;
    crv: string;
    x: string;
    y?: string;
    kid: string;
    alg: 'EdDSA' | 'ES256';
    use: 'sig';
  }>;
};

/** `GrantRoleBody` of the API. */
export type GrantRoleBody = {
  role: 'user' | 'admin';
};

/** `VerifyEmailBody` of the API. */
export type VerifyEmailBody = {
  /** The `token` parameter of the link in the email. */
  token: string;
};

/** `ForgotPasswordBody` of the API. */
export type ForgotPasswordBody = {
  email: string;
};

/** `ResetPasswordBody` of the API. */
export type ResetPasswordBody = {
  /** The `token` parameter of the link in the email. */
  token: string;
  password: string;
};

/** `ChangePasswordBody` of the API. */
export type ChangePasswordBody = {
  currentPassword: string;
  password: string;
};

/** `FailureGroupList` of the API. */
export type FailureGroupList = {
  items: FailureGroup[];
};

/** `FailureGroup` of the API. */
export type FailureGroup = {
  fingerprint: string;
  type: string;
  errorCode: string;
  reason: string;
  queues: string[];
  count: number;
  firstSeen: string;
  lastSeen: string;
  sample: FailureSummary;
};

/** `FailureSummary` of the API. */
export type FailureSummary = {
  id: string;
  queue: string;
  messageId: string;
  type: string;
  /** `poison`, `retries_exhausted`, `delivery_limit`, `expired`, `maxlen` or `rejected`. */
  reason: string;
  /** The last problem, when one is known. */
  problem: {
    code: string;
    title: string;
    detail: string;
  } | null;
  attempts: number;
  /** How often it was dead-lettered. */
  deaths: number;
  /** Groups alike failures: type + error code + reason. */
  fingerprint: string;
  status: 'dead' | 'retried' | 'purged';
  traceId: string | null;
  firstFailedAt: string;
  lastFailedAt: string;
};

/** `FailurePage` of the API. */
export type FailurePage = {
  items: FailureSummary[];
  nextCursor: string | null;
};

/** `FailureDetail` of the API. */
export type FailureDetail = {
  id: string;
  queue: string;
  messageId: string;
  type: string;
  /** `poison`, `retries_exhausted`, `delivery_limit`, `expired`, `maxlen` or `rejected`. */
  reason: string;
  /** The last problem, when one is known. */
  problem: {
    code: string;
    title: string;
    detail: string;
  } | null;
  attempts: number;
  /** How often it was dead-lettered. */
  deaths: number;
  /** Groups alike failures: type + error code + reason. */
  fingerprint: string;
  status: 'dead' | 'retried' | 'purged';
  traceId: string | null;
  firstFailedAt: string;
  lastFailedAt: string;
  /** Secrets redacted. */
  headers: {
    [key: string]: unknown;
  };
  /** The message body, secrets redacted. */
  payload?: unknown;
};

/** `RetryFailuresBody` of the API. */
export type RetryFailuresBody = {
  filter: FailureFilter;
  /** Messages sent back per second at most; absent → as fast as the broker confirms. */
  ratePerSecond?: number;
};

/** `FailureFilter` of the API. */
export type FailureFilter = {
  /** Failure ids. */
  ids?: string[];
  queue?: string;
  type?: string;
  fingerprint?: string;
  /** Last failed at or after. */
  from?: string;
  /** Last failed before. */
  to?: string;
  minAttempts?: number;
  maxAttempts?: number;
};

/** `PurgeFailuresBody` of the API. */
export type PurgeFailuresBody = {
  filter: FailureFilter;
};

/** `Health` of the API. */
export type Health = {
  status: 'ok';
};

/** Every operation of the API by path and method: its inputs and its responses by status. */
export interface Paths {
  '/users/me': {
    /** The signed-in user */
    get: {
      responses: {
        /** The caller. */
        200: UserView;
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** Not found, or not visible to the caller. */
        404: Problem;
      };
    };
  };
  '/users/{id}': {
    /** One user (self or admin) */
    get: {
      params: {
        id: string;
      };
      responses: {
        /** The user. */
        200: UserView;
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** Not found, or not visible to the caller. */
        404: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
      };
    };
    /** Rename a user (self or admin) */
    patch: {
      params: {
        id: string;
      };
      headers?: {
        /** The same key from the same signed-in caller returns the same command. Without a bearer token the key is ignored (never looked up, never stored): anonymous callers share no key scope, so a key never returns another caller's command. */
        'idempotency-key'?: string;
        /** RFC 7240; `wait=<seconds>` (max 30). */
        prefer?: string;
      };
      body: RenameUserBody;
      responses: {
        /** The command finished within the `Prefer: wait` time (`Preference-Applied: wait`). */
        200: CommandView;
        /** Accepted durably; `Location` is `/commands/{commandId}`. */
        202: {
          commandId: string;
        };
        /** The body is not valid JSON. */
        400: Problem;
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** Not found, or not visible to the caller. */
        404: Problem;
        /** The request carries a body larger than the server accepts (`BODY_LIMIT_BYTES`, 1 MiB by default). */
        413: Problem;
        /** The body is not JSON. */
        415: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
      };
    };
  };
  '/users': {
    /** Users, newest first (admin) */
    get: {
      query?: {
        limit?: number;
        cursor?: string;
        status?: 'active' | 'deactivated';
        q?: string;
      };
      responses: {
        /** One page of users. */
        200: UserPage;
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** The caller may not do this. */
        403: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
      };
    };
  };
  '/users/{id}/deactivate': {
    /** Deactivate a user; their sessions end (admin) */
    post: {
      params: {
        id: string;
      };
      headers?: {
        /** The same key from the same signed-in caller returns the same command. Without a bearer token the key is ignored (never looked up, never stored): anonymous callers share no key scope, so a key never returns another caller's command. */
        'idempotency-key'?: string;
        /** RFC 7240; `wait=<seconds>` (max 30). */
        prefer?: string;
      };
      responses: {
        /** The command finished within the `Prefer: wait` time (`Preference-Applied: wait`). */
        200: CommandView;
        /** Accepted durably; `Location` is `/commands/{commandId}`. */
        202: {
          commandId: string;
        };
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** The caller may not do this. */
        403: Problem;
        /** Not found, or not visible to the caller. */
        404: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
      };
    };
  };
  '/users/{id}/reactivate': {
    /** Reactivate a user (admin) */
    post: {
      params: {
        id: string;
      };
      headers?: {
        /** The same key from the same signed-in caller returns the same command. Without a bearer token the key is ignored (never looked up, never stored): anonymous callers share no key scope, so a key never returns another caller's command. */
        'idempotency-key'?: string;
        /** RFC 7240; `wait=<seconds>` (max 30). */
        prefer?: string;
      };
      responses: {
        /** The command finished within the `Prefer: wait` time (`Preference-Applied: wait`). */
        200: CommandView;
        /** Accepted durably; `Location` is `/commands/{commandId}`. */
        202: {
          commandId: string;
        };
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** The caller may not do this. */
        403: Problem;
        /** Not found, or not visible to the caller. */
        404: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
      };
    };
  };
  '/auth/register': {
    /** Create an account (asynchronous) */
    post: {
      headers?: {
        /** The same key from the same signed-in caller returns the same command. Without a bearer token the key is ignored (never looked up, never stored): anonymous callers share no key scope, so a key never returns another caller's command. */
        'idempotency-key'?: string;
        /** RFC 7240; `wait=<seconds>` (max 30). */
        prefer?: string;
      };
      body: RegisterBody;
      responses: {
        /** The command finished within the `Prefer: wait` time (`Preference-Applied: wait`). */
        200: CommandView;
        /** Accepted durably; `Location` is `/commands/{commandId}`. */
        202: {
          commandId: string;
          userId: string;
        };
        /** The body is not valid JSON. */
        400: Problem;
        /** The request carries a body larger than the server accepts (`BODY_LIMIT_BYTES`, 1 MiB by default). */
        413: Problem;
        /** The body is not JSON. */
        415: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
        /** Too many requests (`Retry-After`). */
        429: Problem;
        /** Temporarily unavailable (`Retry-After`). */
        503: Problem;
      };
    };
  };
  '/auth/login': {
    /** Sign in with email and password */
    post: {
      body: LoginBody;
      responses: {
        /** Signed in: the tokens and the device token to keep. `Cache-Control: no-store`. */
        200: LoginTokens;
        /** The body is not valid JSON. */
        400: Problem;
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** The request carries a body larger than the server accepts (`BODY_LIMIT_BYTES`, 1 MiB by default). */
        413: Problem;
        /** The body is not JSON. */
        415: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
        /** Too many requests (`Retry-After`). */
        429: Problem;
        /** Temporarily unavailable (`Retry-After`). */
        503: Problem;
      };
    };
  };
  '/auth/refresh': {
    /** Exchange a refresh token for new tokens; the old one stops working */
    post: {
      body: RefreshTokenBody;
      responses: {
        /** New tokens. `Cache-Control: no-store`. */
        200: Tokens;
        /** The body is not valid JSON. */
        400: Problem;
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** The request carries a body larger than the server accepts (`BODY_LIMIT_BYTES`, 1 MiB by default). */
        413: Problem;
        /** The body is not JSON. */
        415: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
        /** Too many requests (`Retry-After`). */
        429: Problem;
        /** Temporarily unavailable (`Retry-After`). */
        503: Problem;
      };
    };
  };
  '/auth/logout': {
    /** End the refresh token's session and its access tokens */
    post: {
      body: RefreshTokenBody;
      responses: {
        /** Signed out (also for an unknown token). */
        204: undefined;
        /** The body is not valid JSON. */
        400: Problem;
        /** The request carries a body larger than the server accepts (`BODY_LIMIT_BYTES`, 1 MiB by default). */
        413: Problem;
        /** The body is not JSON. */
        415: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
      };
    };
  };
  '/auth/logout-all': {
    /** End every session of the caller's account, this one included, and revoke its device tokens */
    post: {
      responses: {
        /** Signed out everywhere. */
        204: undefined;
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
      };
    };
  };
  '/.well-known/jwks.json': {
    /** Public keys that verify access tokens (current and previous) */
    get: {
      responses: {
        /** A JWK set. */
        200: JsonWebKeySet;
        /** The request carries a body larger than the server accepts (`BODY_LIMIT_BYTES`, 1 MiB by default). */
        413: Problem;
      };
    };
  };
  '/auth/users/{id}/roles': {
    /** Give a user a role (admin) */
    post: {
      params: {
        id: string;
      };
      headers?: {
        /** The same key from the same signed-in caller returns the same command. Without a bearer token the key is ignored (never looked up, never stored): anonymous callers share no key scope, so a key never returns another caller's command. */
        'idempotency-key'?: string;
        /** RFC 7240; `wait=<seconds>` (max 30). */
        prefer?: string;
      };
      body: GrantRoleBody;
      responses: {
        /** The command finished within the `Prefer: wait` time (`Preference-Applied: wait`). */
        200: CommandView;
        /** Accepted durably; `Location` is `/commands/{commandId}`. */
        202: {
          commandId: string;
        };
        /** The body is not valid JSON. */
        400: Problem;
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** The caller may not do this. */
        403: Problem;
        /** The request carries a body larger than the server accepts (`BODY_LIMIT_BYTES`, 1 MiB by default). */
        413: Problem;
        /** The body is not JSON. */
        415: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
      };
    };
  };
  '/auth/users/{id}/roles/{role}': {
    /** Take a role from a user (admin; the `user` role stays) */
    delete: {
      params: {
        id: string;
        role: 'user' | 'admin';
      };
      headers?: {
        /** The same key from the same signed-in caller returns the same command. Without a bearer token the key is ignored (never looked up, never stored): anonymous callers share no key scope, so a key never returns another caller's command. */
        'idempotency-key'?: string;
        /** RFC 7240; `wait=<seconds>` (max 30). */
        prefer?: string;
      };
      responses: {
        /** The command finished within the `Prefer: wait` time (`Preference-Applied: wait`). */
        200: CommandView;
        /** Accepted durably; `Location` is `/commands/{commandId}`. */
        202: {
          commandId: string;
        };
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** The caller may not do this. */
        403: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
      };
    };
  };
  '/auth/verify-email': {
    /** Verify an account's email with the link of a verification email (asynchronous) */
    post: {
      headers?: {
        /** The same key from the same signed-in caller returns the same command. Without a bearer token the key is ignored (never looked up, never stored): anonymous callers share no key scope, so a key never returns another caller's command. */
        'idempotency-key'?: string;
        /** RFC 7240; `wait=<seconds>` (max 30). */
        prefer?: string;
      };
      body: VerifyEmailBody;
      responses: {
        /** The command finished within the `Prefer: wait` time (`Preference-Applied: wait`). */
        200: CommandView;
        /** Accepted durably; `Location` is `/commands/{commandId}`. */
        202: {
          commandId: string;
        };
        /** The body is not valid JSON. */
        400: Problem;
        /** The request carries a body larger than the server accepts (`BODY_LIMIT_BYTES`, 1 MiB by default). */
        413: Problem;
        /** The body is not JSON. */
        415: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
      };
    };
  };
  '/auth/verify-email/resend': {
    /** Send the caller a new verification email; the earlier links stop working (asynchronous) */
    post: {
      headers?: {
        /** The same key from the same signed-in caller returns the same command. Without a bearer token the key is ignored (never looked up, never stored): anonymous callers share no key scope, so a key never returns another caller's command. */
        'idempotency-key'?: string;
        /** RFC 7240; `wait=<seconds>` (max 30). */
        prefer?: string;
      };
      responses: {
        /** The command finished within the `Prefer: wait` time (`Preference-Applied: wait`). */
        200: CommandView;
        /** Accepted durably; `Location` is `/commands/{commandId}`. */
        202: {
          commandId: string;
        };
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
      };
    };
  };
  '/auth/forgot-password': {
    /** Email a password-reset link to an address, if it has an account (asynchronous) */
    post: {
      headers?: {
        /** The same key from the same signed-in caller returns the same command. Without a bearer token the key is ignored (never looked up, never stored): anonymous callers share no key scope, so a key never returns another caller's command. */
        'idempotency-key'?: string;
        /** RFC 7240; `wait=<seconds>` (max 30). */
        prefer?: string;
      };
      body: ForgotPasswordBody;
      responses: {
        /** The command finished within the `Prefer: wait` time (`Preference-Applied: wait`). */
        200: CommandView;
        /** Accepted durably; `Location` is `/commands/{commandId}`. */
        202: {
          commandId: string;
        };
        /** The body is not valid JSON. */
        400: Problem;
        /** The request carries a body larger than the server accepts (`BODY_LIMIT_BYTES`, 1 MiB by default). */
        413: Problem;
        /** The body is not JSON. */
        415: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
      };
    };
  };
  '/auth/reset-password': {
    /** Set a new password with the link of a password-reset email (asynchronous) */
    post: {
      headers?: {
        /** The same key from the same signed-in caller returns the same command. Without a bearer token the key is ignored (never looked up, never stored): anonymous callers share no key scope, so a key never returns another caller's command. */
        'idempotency-key'?: string;
        /** RFC 7240; `wait=<seconds>` (max 30). */
        prefer?: string;
      };
      body: ResetPasswordBody;
      responses: {
        /** The command finished within the `Prefer: wait` time (`Preference-Applied: wait`). */
        200: CommandView;
        /** Accepted durably; `Location` is `/commands/{commandId}`. */
        202: {
          commandId: string;
        };
        /** The body is not valid JSON. */
        400: Problem;
        /** The request carries a body larger than the server accepts (`BODY_LIMIT_BYTES`, 1 MiB by default). */
        413: Problem;
        /** The body is not JSON. */
        415: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
        /** Temporarily unavailable (`Retry-After`). */
        503: Problem;
      };
    };
  };
  '/auth/change-password': {
    /** Change the caller's password; their other sessions end (asynchronous) */
    post: {
      headers?: {
        /** The same key from the same signed-in caller returns the same command. Without a bearer token the key is ignored (never looked up, never stored): anonymous callers share no key scope, so a key never returns another caller's command. */
        'idempotency-key'?: string;
        /** RFC 7240; `wait=<seconds>` (max 30). */
        prefer?: string;
      };
      body: ChangePasswordBody;
      responses: {
        /** The command finished within the `Prefer: wait` time (`Preference-Applied: wait`). */
        200: CommandView;
        /** Accepted durably; `Location` is `/commands/{commandId}`. */
        202: {
          commandId: string;
        };
        /** The body is not valid JSON. */
        400: Problem;
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** The request carries a body larger than the server accepts (`BODY_LIMIT_BYTES`, 1 MiB by default). */
        413: Problem;
        /** The body is not JSON. */
        415: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
        /** Temporarily unavailable (`Retry-After`). */
        503: Problem;
      };
    };
  };
  '/commands/{id}': {
    /** The status of a command the caller issued (admins: any command) */
    get: {
      params: {
        id: string;
      };
      responses: {
        /** The command. */
        200: CommandView;
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** Not found, or not visible to the caller. */
        404: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
      };
    };
  };
  '/admin/failures/groups': {
    /** Failure groups: alike dead letters counted (admin) */
    get: {
      responses: {
        /** The groups. */
        200: FailureGroupList;
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** The caller may not do this. */
        403: Problem;
      };
    };
  };
  '/admin/failures': {
    /** Failures, newest first, filtered (admin) */
    get: {
      query?: {
        queue?: string;
        type?: string;
        fingerprint?: string;
        /** Last failed at or after. */
        from?: string;
        /** Last failed before. */
        to?: string;
        minAttempts?: number | null;
        maxAttempts?: number | null;
        status?: 'dead' | 'retried' | 'purged';
        limit?: number;
        cursor?: string;
      };
      responses: {
        /** One page of failures. */
        200: FailurePage;
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** The caller may not do this. */
        403: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
      };
    };
  };
  '/admin/failures/{id}': {
    /** One failure in full (admin) */
    get: {
      params: {
        id: string;
      };
      responses: {
        /** The failure. */
        200: FailureDetail;
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** The caller may not do this. */
        403: Problem;
        /** Not found, or not visible to the caller. */
        404: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
      };
    };
  };
  '/admin/failures/{id}/retry': {
    /** Send one failure back to its queue (admin) */
    post: {
      params: {
        id: string;
      };
      headers?: {
        /** The same key from the same signed-in caller returns the same command. Without a bearer token the key is ignored (never looked up, never stored): anonymous callers share no key scope, so a key never returns another caller's command. */
        'idempotency-key'?: string;
        /** RFC 7240; `wait=<seconds>` (max 30). */
        prefer?: string;
      };
      responses: {
        /** The command finished within the `Prefer: wait` time (`Preference-Applied: wait`). */
        200: CommandView;
        /** Accepted durably; `Location` is `/commands/{commandId}`. */
        202: {
          commandId: string;
        };
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** The caller may not do this. */
        403: Problem;
        /** Not found, or not visible to the caller. */
        404: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
      };
    };
  };
  '/admin/failures/retry': {
    /** Send a group or a filter of failures back, at a rate (admin) */
    post: {
      headers?: {
        /** The same key from the same signed-in caller returns the same command. Without a bearer token the key is ignored (never looked up, never stored): anonymous callers share no key scope, so a key never returns another caller's command. */
        'idempotency-key'?: string;
        /** RFC 7240; `wait=<seconds>` (max 30). */
        prefer?: string;
      };
      body: RetryFailuresBody;
      responses: {
        /** The command finished within the `Prefer: wait` time (`Preference-Applied: wait`). */
        200: CommandView;
        /** Accepted durably; `Location` is `/commands/{commandId}`. */
        202: {
          commandId: string;
        };
        /** The body is not valid JSON. */
        400: Problem;
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** The caller may not do this. */
        403: Problem;
        /** The request carries a body larger than the server accepts (`BODY_LIMIT_BYTES`, 1 MiB by default). */
        413: Problem;
        /** The body is not JSON. */
        415: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
      };
    };
  };
  '/admin/failures/purge': {
    /** Delete a group or a filter of failures for good (admin) */
    post: {
      headers?: {
        /** The same key from the same signed-in caller returns the same command. Without a bearer token the key is ignored (never looked up, never stored): anonymous callers share no key scope, so a key never returns another caller's command. */
        'idempotency-key'?: string;
        /** RFC 7240; `wait=<seconds>` (max 30). */
        prefer?: string;
      };
      body: PurgeFailuresBody;
      responses: {
        /** The command finished within the `Prefer: wait` time (`Preference-Applied: wait`). */
        200: CommandView;
        /** Accepted durably; `Location` is `/commands/{commandId}`. */
        202: {
          commandId: string;
        };
        /** The body is not valid JSON. */
        400: Problem;
        /** No valid bearer token (`WWW-Authenticate: Bearer`). */
        401: Problem;
        /** The caller may not do this. */
        403: Problem;
        /** The request carries a body larger than the server accepts (`BODY_LIMIT_BYTES`, 1 MiB by default). */
        413: Problem;
        /** The body is not JSON. */
        415: Problem;
        /** The input breaks a rule; `errors` points at each field. */
        422: Problem;
      };
    };
  };
  '/health/live': {
    /** Whether the process answers */
    get: {
      responses: {
        /** Healthy. */
        200: Health;
        /** The request carries a body larger than the server accepts (`BODY_LIMIT_BYTES`, 1 MiB by default). */
        413: Problem;
      };
    };
  };
  '/health/ready': {
    /** Whether every dependency answers */
    get: {
      responses: {
        /** Healthy. */
        200: Health;
        /** The request carries a body larger than the server accepts (`BODY_LIMIT_BYTES`, 1 MiB by default). */
        413: Problem;
        /** Temporarily unavailable (`Retry-After`). */
        503: Problem;
      };
    };
  };
}

/** The statuses each operation documents; any other answer is an UnexpectedResponseError. */
export const DOCUMENTED_STATUSES: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>> = {
  '/users/me': { get: [200, 401, 404] },
  '/users/{id}': { get: [200, 401, 404, 422], patch: [200, 202, 400, 401, 404, 413, 415, 422] },
  '/users': { get: [200, 401, 403, 422] },
  '/users/{id}/deactivate': { post: [200, 202, 401, 403, 404, 422] },
  '/users/{id}/reactivate': { post: [200, 202, 401, 403, 404, 422] },
  '/auth/register': { post: [200, 202, 400, 413, 415, 422, 429, 503] },
  '/auth/login': { post: [200, 400, 401, 413, 415, 422, 429, 503] },
  '/auth/refresh': { post: [200, 400, 401, 413, 415, 422, 429, 503] },
  '/auth/logout': { post: [204, 400, 413, 415, 422] },
  '/auth/logout-all': { post: [204, 401] },
  '/.well-known/jwks.json': { get: [200, 413] },
  '/auth/users/{id}/roles': { post: [200, 202, 400, 401, 403, 413, 415, 422] },
  '/auth/users/{id}/roles/{role}': { delete: [200, 202, 401, 403, 422] },
  '/auth/verify-email': { post: [200, 202, 400, 413, 415, 422] },
  '/auth/verify-email/resend': { post: [200, 202, 401] },
  '/auth/forgot-password': { post: [200, 202, 400, 413, 415, 422] },
  '/auth/reset-password': { post: [200, 202, 400, 413, 415, 422, 503] },
  '/auth/change-password': { post: [200, 202, 400, 401, 413, 415, 422, 503] },
  '/commands/{id}': { get: [200, 401, 404, 422] },
  '/admin/failures/groups': { get: [200, 401, 403] },
  '/admin/failures': { get: [200, 401, 403, 422] },
  '/admin/failures/{id}': { get: [200, 401, 403, 404, 422] },
  '/admin/failures/{id}/retry': { post: [200, 202, 401, 403, 404, 422] },
  '/admin/failures/retry': { post: [200, 202, 400, 401, 403, 413, 415, 422] },
  '/admin/failures/purge': { post: [200, 202, 400, 401, 403, 413, 415, 422] },
  '/health/live': { get: [200, 413] },
  '/health/ready': { get: [200, 413, 503] },
};
