export { UserDeactivatedV1, UserDeactivatedV1Schema } from './contracts/user-deactivated-v1.js';
export { type UserIntegrationEvent, UserIntegrationEventSchema } from './contracts/user-integration-event.js';
export { UserReactivatedV1, UserReactivatedV1Schema } from './contracts/user-reactivated-v1.js';
export { UserRegisteredV1, UserRegisteredV1Schema } from './contracts/user-registered-v1.js';
export { UserRenamedV1, UserRenamedV1Schema } from './contracts/user-renamed-v1.js';
export { type UserView, UserViewSchema } from './contracts/user-view.js';
export {
  DeactivateUserCommand,
  type DeactivateUserPayload,
  DeactivateUserPayloadSchema,
} from './deactivate-user/deactivate-user-command.js';
export { DeactivateUserHandler } from './deactivate-user/deactivate-user-handler.js';
export { GetUserHandler } from './get-user/get-user-handler.js';
export { type GetUserParams, GetUserParamsSchema, GetUserQuery } from './get-user/get-user-query.js';
export { toUserView } from './get-user/to-user-view.js';
export { ListUsersHandler } from './list-users/list-users-handler.js';
export {
  type ListUsersParams,
  ListUsersParamsSchema,
  ListUsersQuery,
} from './list-users/list-users-query.js';
export { UserListCursor, type UserListPosition } from './ports/user-list-cursor.js';
export { type UserListFilter, UserReadModel } from './ports/user-read-model.js';
export {
  ReactivateUserCommand,
  type ReactivateUserPayload,
  ReactivateUserPayloadSchema,
} from './reactivate-user/reactivate-user-command.js';
export { ReactivateUserHandler } from './reactivate-user/reactivate-user-handler.js';
export {
  RegisterUserCommand,
  type RegisterUserPayload,
  RegisterUserPayloadSchema,
} from './register-user/register-user-command.js';
export { RegisterUserHandler } from './register-user/register-user-handler.js';
export {
  RenameUserCommand,
  type RenameUserPayload,
  RenameUserPayloadSchema,
} from './rename-user/rename-user-command.js';
export { RenameUserHandler } from './rename-user/rename-user-handler.js';
