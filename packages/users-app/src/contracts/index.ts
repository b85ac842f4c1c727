// The published language of the users context: what other contexts may import (nothing else of this package).
export { UserDeactivatedV1 } from './user-deactivated-v1.js';
export { UserReactivatedV1 } from './user-reactivated-v1.js';
export { UserRegisteredV1 } from './user-registered-v1.js';
export { UserRenamedV1 } from './user-renamed-v1.js';
export { UserNameSchema } from './user-name-schema.js';
export { type UserView, UserViewSchema } from './user-view.js';
export { UsersEventTypes, UsersRoutingKeys } from './users-event-types.js';
