export { AccountRegisteredV1 } from './account-registered-v1.js';
export { AuthEventTypes, AuthRoutingKeys } from './auth-event-types.js';
export { eventEnvelope } from './event-envelope.js';
export { RoleGrantedV1 } from './role-granted-v1.js';
export { RoleRevokedV1 } from './role-revoked-v1.js';
