export { createRuntime } from './create-runtime.js';
export type { Runtime, RuntimeMode, RuntimeOptions, WorkerOptions } from './runtime.js';
export { type Shutdown, type StopOnSignalsOptions, stopOnSignals } from './stop-on-signals.js';
