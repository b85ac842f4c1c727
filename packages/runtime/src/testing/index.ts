export { buildCommand } from './build-command.js';
export { createTestDatabase, type TestDatabase } from './create-test-database.js';
export { createTestRuntime, type TestRuntime, type TestRuntimeOptions } from './create-test-runtime.js';
export { type OpenTestDatabase, openTestDatabase } from './open-test-database.js';
export {
  type CollectedSpan,
  type OtlpCollector,
  spansOfExport,
  startOtlpCollector,
} from './otlp-collector.js';
export { removeTopology } from './remove-topology.js';
export { tearDownRuntime } from './tear-down-runtime.js';
export { testAmqpUrl, testDatabaseUrl } from './test-urls.js';
export { uniquePrefix } from './unique-prefix.js';
export {
  type SettleOptions,
  startTestHarness,
  type TestHarness,
  type TestHarnessOptions,
} from './test-harness.js';
export { type TrackedTransportFactory, trackedTransport } from './tracked-transport.js';
