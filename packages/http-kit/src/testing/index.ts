export { exampleModule } from './example-module.js';
export { createHttpTestHarness, type HttpTestHarness } from './http-test-harness.js';
export { InMemoryCommandStatusReader } from './in-memory-command-status-reader.js';
export { type CommandStub, RecordingCommandBus } from './recording-command-bus.js';
export { type QueryStub, StubQueryBus } from './stub-query-bus.js';
