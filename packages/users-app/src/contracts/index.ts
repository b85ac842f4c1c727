// The published language of the users context: what other contexts may import (nothing else of this package).
export { UserDeactivatedV1, UserDeactivatedV1Schema } from './user-deactivated-v1.js';
export { type UserIntegrationEvent, UserIntegrationEventSchema } from './user-integration-event.js';
export { UserReactivatedV1, UserReactivatedV1Schema } from './user-reactivated-v1.js';
export { UserRegisteredV1, UserRegisteredV1Schema } from './user-registered-v1.js';
export { UserRenamedV1, UserRenamedV1Schema } from './user-renamed-v1.js';
export { type UserView, UserViewSchema } from './user-view.js';
