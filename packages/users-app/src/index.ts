export { type UserView } from './contracts/user-view.js';
export {
  DeactivateUserCommand,
  DeactivateUserPayloadSchema,
} from './deactivate-user/deactivate-user-command.js';
export { DeactivateUserHandler } from './deactivate-user/deactivate-user-handler.js';
export { GetUserHandler } from './get-user/get-user-handler.js';
export { GetUserQuery } from './get-user/get-user-query.js';
export { ListUsersHandler } from './list-users/list-users-handler.js';
export { ListUsersQuery } from './list-users/list-users-query.js';
export { EmailVerifications } from './ports/email-verifications.js';
export { UserListCursor } from './ports/user-list-cursor.js';
export { type UserListFilter, UserReadModel } from './ports/user-read-model.js';
export {
  ReactivateUserCommand,
  ReactivateUserPayloadSchema,
} from './reactivate-user/reactivate-user-command.js';
export { ReactivateUserHandler } from './reactivate-user/reactivate-user-handler.js';
export { RegisterUserCommand, RegisterUserPayloadSchema } from './register-user/register-user-command.js';
export { RegisterUserHandler } from './register-user/register-user-handler.js';
export { RenameUserCommand, RenameUserPayloadSchema } from './rename-user/rename-user-command.js';
export { RenameUserHandler } from './rename-user/rename-user-handler.js';
