export type {
  ApiClient,
  ApiResponse,
  InitArgs,
  Method,
  MethodCall,
  Operation,
  PathsWith,
  RequestOf,
} from './api-client.js';
export type {
  CommandView,
  FailureDetail,
  FailureFilter,
  FailureGroup,
  FailureGroupList,
  FailurePage,
  FailureSummary,
  GrantRoleBody,
  Health,
  JsonWebKeySet,
  LoginBody,
  Paths,
  Problem,
  PurgeFailuresBody,
  RefreshTokenBody,
  RegisterBody,
  RenameUserBody,
  RetryFailuresBody,
  Tokens,
  UserPage,
  UserView,
} from './api-paths.js';
export { type ClientOptions, createClient } from './create-client.js';
export { expectStatus, StatusMismatchError } from './expect-status.js';
export { UnexpectedResponseError } from './unexpected-response-error.js';
