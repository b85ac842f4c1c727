/** Wire types of the users events other contexts may consume: public API, never renamed (add a version instead). */
export const UsersEventTypes = Object.freeze({
  userRegistered: 'users.user-registered',
  userRenamed: 'users.user-renamed',
  userDeactivated: 'users.user-deactivated',
  userReactivated: 'users.user-reactivated',
} as const);

/** Routing keys (`<type>.v<version>`) to bind on the event exchange. */
export const UsersRoutingKeys = Object.freeze({
  userRegisteredV1: 'users.user-registered.v1',
  userRenamedV1: 'users.user-renamed.v1',
  userDeactivatedV1: 'users.user-deactivated.v1',
  userReactivatedV1: 'users.user-reactivated.v1',
} as const);
