// In-memory fakes, builders and principals for tests of the users context and of code built on it.
export { aCommand, aQuery } from './a-command.js';
export { aUser, UserBuilder } from './a-user.js';
export { InMemoryUserReadModel } from './in-memory-user-read-model.js';
export { InMemoryUserRepository } from './in-memory-user-repository.js';
export { admin, adminId, aliceActor, aliceId, bobActor, bobId } from './principals.js';
