export { Email } from './email.js';
export { UsersErrors } from './errors.js';
export { newStamp, type Stamp } from './stamp.js';
export { User, type UserSnapshot } from './user.js';
export type { UserEvent } from './user-event.js';
export { UserName } from './user-name.js';
export { UserRepository } from './user-repository.js';
export { UserStatus } from './user-status.js';
