export {
  type CommandProgress,
  type CommandRecord,
  type CommandStatus,
  CommandStatusReader,
  isTerminal,
} from './commands/command-record.js';
export {
  FailureActionTypes,
  type FailureDetail,
  type FailureFilter,
  type FailureGroup,
  type FailurePage,
  type FailureProblemView,
  FailureReader,
  type FailureSummary,
  isFailureId,
  MAX_ATTEMPTS,
  MAX_FAILURE_ID,
  type QueueFailures,
} from './failures/failure-reader.js';
export { checkReadiness, type ReadinessReport } from './health/check-readiness.js';
export type { ReadinessCheck } from './health/readiness-check.js';
export { createLogger, Logger, REDACTED_KEYS, redactSecrets } from './logging/logger.js';
export { Metrics } from './metrics/metrics.js';
export type {
  ApiTag,
  CommandDelivery,
  CommandRegistration,
  ContextModule,
  EventSubscription,
  MessageSchema,
  ProcessRegistration,
  QueryRegistration,
} from './module/context-module.js';
export type { HttpEnv, HttpVariables } from './module/http-env.js';
export {
  PROBLEM_BASE,
  problem,
  type ProblemDetails,
  problemType,
  STATUS_BY_KIND,
  toProblem,
} from './problems/problem.js';
export {
  currentTelemetryContext,
  currentTraceparent,
  type TelemetryContext,
  telemetryLogFields,
  withTelemetryContext,
} from './telemetry/telemetry-context.js';
export {
  formatTraceparent,
  parseTraceparent,
  startSpan,
  type TraceContext,
} from './telemetry/trace-context.js';
export {
  activeTracer,
  ID_ONLY_TRACER,
  installTracer,
  type Span,
  type SpanAttributes,
  type SpanKind,
  type SpanOptions,
  type Tracer,
} from './telemetry/tracing.js';
