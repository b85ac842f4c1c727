export {
  createEmbeddedDatabase,
  type EmbeddedDatabase,
  type EmbeddedDatabaseOptions,
} from './embedded/create-embedded-database.js';
export { createLogger, Logger, REDACTED_KEYS, redactSecrets } from './logger.js';
export type { CommandRegistration, ContextModule, EventSubscription, QueryRegistration } from './module.js';
export { checkReadiness, type ReadinessReport } from './observability/check-readiness.js';
export { messageParent, messageTelemetry } from './observability/message-telemetry.js';
export { Metrics } from './observability/metrics.js';
export {
  type OperationsServer,
  type OperationsServerOptions,
  serveOperations,
} from './observability/operations-server.js';
// Types only: the OpenTelemetry SDK is loaded when a runtime is created with `tracing`, not with this package.
export type { OtlpTracing, OtlpTracingOptions } from './observability/otlp-tracing.js';
export type { PoolStats } from './observability/pool-metrics.js';
export {
  brokerReadiness,
  migrationsReadiness,
  ShutdownReadiness,
} from './observability/readiness-checks.js';
export {
  currentTelemetryContext,
  currentTraceparent,
  type TelemetryContext,
  telemetryLogFields,
  withTelemetryContext,
} from './observability/telemetry-context.js';
export {
  formatTraceparent,
  parseTraceparent,
  startSpan,
  type TraceContext,
} from './observability/trace-context.js';
export {
  activeTracer,
  ID_ONLY_TRACER,
  installTracer,
  type Span,
  type SpanAttributes,
  type SpanKind,
  type SpanOptions,
  type Tracer,
} from './observability/tracing.js';
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
  type Shutdown,
  type StopOnSignalsOptions,
  stopOnSignals,
  type WorkerOptions,
} from './runtime/index.js';
