import { startSpan, type TraceContext } from './trace-context.js';

/** What a span stands for, as OpenTelemetry names it. */
export type SpanKind = 'server' | 'client' | 'producer' | 'consumer' | 'internal';

/** Span attributes; `undefined` values are left out. */
export type SpanAttributes = Readonly<Record<string, string | number | boolean | undefined>>;

/** How a span starts. */
export interface SpanOptions {
  readonly kind: SpanKind;
  /** The span this one is a child of (from a `traceparent`); absent → the root of a new trace. */
  readonly parent?: TraceContext | undefined;
  readonly attributes?: SpanAttributes | undefined;
}

/** One unit of work in a trace: its ids, and what is learnt about it until it ends. */
export interface Span {
  /** The ids to log and to propagate: the span's own trace context. */
  readonly trace: TraceContext;
  /**
   * Whether what is set on the span goes anywhere (OpenTelemetry's `isRecording`): false for
   * {@link ID_ONLY_TRACER}'s spans, so a caller may skip working out attributes and names for them.
   */
  readonly recording: boolean;
  setAttributes(attributes: SpanAttributes): void;
  /** Renames the span (an HTTP span learns its route pattern only once routed). */
  rename(name: string): void;
  /** Marks the span failed with a short description (never a stack trace: spans leave the process). */
  fail(description: string): void;
  /** Ends the span; later calls do nothing. */
  end(): void;
}

/** Starts spans. The default only makes ids (for the logs); an exporting one is installed by configuration. */
export interface Tracer {
  startSpan(name: string, options: SpanOptions): Span;
}

/** A span of {@link ID_ONLY_TRACER}: its ids, nothing recorded (one object, its methods shared). */
class IdOnlySpan implements Span {
  readonly recording = false;

  constructor(readonly trace: TraceContext) {}

  setAttributes(): void {}

  rename(): void {}

  fail(): void {}

  end(): void {}
}

/** The tracer that records nothing: spans are W3C ids for the logs and the propagated `traceparent`. */
export const ID_ONLY_TRACER: Tracer = {
  startSpan: (_name, options) => new IdOnlySpan(startSpan(options.parent)),
};

let active: Tracer = ID_ONLY_TRACER;

/** The process's tracer: the exporting one while installed, else {@link ID_ONLY_TRACER}. */
export function activeTracer(): Tracer {
  return active;
}

/**
 * Makes `tracer` the process's tracer (spans, like OpenTelemetry's global provider, are per process). Returns
 * the function that puts the previous one back.
 */
export function installTracer(tracer: Tracer): () => void {
  const previous = active;
  active = tracer;
  return () => {
    if (active === tracer) active = previous;
  };
}
