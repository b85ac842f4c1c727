export type { CommandRegistration, ContextModule, EventSubscription, QueryRegistration } from './module.js';
export { createLogger, Logger, REDACTED_PATHS } from './logger.js';
export {
  PROBLEM_BASE,
  problem,
  type ProblemDetails,
  problemType,
  STATUS_BY_KIND,
  toProblem,
} from './problem.js';
