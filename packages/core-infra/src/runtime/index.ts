export { createRuntime } from './create-runtime.js';
export type { Runtime, RuntimeMode, RuntimeOptions, WorkerOptions } from './runtime.js';
