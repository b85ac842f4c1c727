// In-memory fakes and builders for tests of the __ctx__ context and of code built on it.
export { aCommand } from './a-command.js';
export { InMemory__Agg__ReadModel } from './in-memory-__agg__-read-model.js';
export { InMemory__Agg__Repository } from './in-memory-__agg__-repository.js';
