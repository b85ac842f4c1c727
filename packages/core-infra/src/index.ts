export {
  createEmbeddedDatabase,
  type EmbeddedDatabase,
  type EmbeddedDatabaseOptions,
} from './embedded/create-embedded-database.js';
export { createLogger, Logger, REDACTED_PATHS } from './logger.js';
export type { CommandRegistration, ContextModule, EventSubscription, QueryRegistration } from './module.js';
export {
  PROBLEM_BASE,
  problem,
  type ProblemDetails,
  problemType,
  STATUS_BY_KIND,
  toProblem,
} from './problem.js';
export {
  createRuntime,
  type Runtime,
  type RuntimeMode,
  type RuntimeOptions,
  type WorkerOptions,
} from './runtime/index.js';
