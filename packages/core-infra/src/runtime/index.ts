export { createRuntime } from './create-runtime.js';
export type { Runtime, RuntimeOptions, WorkerOptions } from './runtime.js';
