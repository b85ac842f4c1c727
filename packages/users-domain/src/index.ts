export { Email } from './email.js';
export {
  adminOnly,
  concurrentUpdate,
  emailTaken,
  invalidCursor,
  UsersErrorCode,
  userNotFound,
} from './errors.js';
export { newStamp, type Stamp } from './stamp.js';
export { User, type UserSnapshot } from './user.js';
export { UserDeactivatedEvent } from './user-deactivated-event.js';
export type { UserEvent } from './user-event.js';
export { UserName } from './user-name.js';
export { UserReactivatedEvent } from './user-reactivated-event.js';
export { UserRegisteredEvent, type UserRegisteredPayload } from './user-registered-event.js';
export { UserRenamedEvent, type UserRenamedPayload } from './user-renamed-event.js';
export { UserRepository } from './user-repository.js';
export { UserStatus } from './user-status.js';
