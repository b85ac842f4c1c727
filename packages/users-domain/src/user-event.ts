import type { UserDeactivatedEvent } from './user-deactivated-event.js';
import type { UserReactivatedEvent } from './user-reactivated-event.js';
import type { UserRegisteredEvent } from './user-registered-event.js';
import type { UserRenamedEvent } from './user-renamed-event.js';

/** Every event the `User` aggregate records, discriminated by `type`. */
export type UserEvent = UserRegisteredEvent | UserRenamedEvent | UserDeactivatedEvent | UserReactivatedEvent;
