import type { Span, SpanAttributes, SpanKind, TraceContext, Tracer } from '@contextflow/core-infra';
import {
  type Attributes,
  ROOT_CONTEXT,
  SpanKind as OtelSpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';

/** Where and as what an OpenTelemetry exporter sends spans. */
export interface OtlpTracingOptions {
  /** The OTLP/HTTP traces endpoint (JSON), e.g. `http://collector:4318/v1/traces`. */
  readonly endpoint: string;
  /** `service.name` of every span. */
  readonly serviceName: string;
  /** Longest wait between two exports (default 1 s). */
  readonly exportIntervalMs?: number | undefined;
}

/** An exporting tracer and the way to flush and stop it. */
export interface OtlpTracing {
  readonly tracer: Tracer;
  /** Exports what is buffered, then stops; spans started afterwards are dropped. */
  shutdown(): Promise<void>;
}

const KINDS: Record<SpanKind, OtelSpanKind> = {
  server: OtelSpanKind.SERVER,
  client: OtelSpanKind.CLIENT,
  producer: OtelSpanKind.PRODUCER,
  consumer: OtelSpanKind.CONSUMER,
  internal: OtelSpanKind.INTERNAL,
};

function attributesOf(attributes: SpanAttributes | undefined): Attributes {
  const result: Attributes = {};
  for (const [key, value] of Object.entries(attributes ?? {})) if (value !== undefined) result[key] = value;
  return result;
}

function parentContext(parent: TraceContext | undefined) {
  if (parent === undefined) return ROOT_CONTEXT;
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: parent.traceId,
    spanId: parent.spanId,
    traceFlags: Number.parseInt(parent.flags, 16),
    isRemote: true,
  });
}

/**
 * A tracer that exports spans with the OpenTelemetry SDK over OTLP/HTTP, batched. Spans take their parent
 * explicitly (the request's or the message's `traceparent`), so no global context manager is involved; the
 * span's own ids become the ids in the logs and in the `traceparent` the work passes on, which is what links
 * the HTTP, relay and consumer spans of one request across processes.
 */
export function createOtlpTracing(options: OtlpTracingOptions): OtlpTracing {
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({ url: options.endpoint }),
        scheduledDelayMillis: options.exportIntervalMs ?? 1_000,
      }),
    ],
  });
  const otel = provider.getTracer('@contextflow/core-infra');
  const tracer: Tracer = {
    startSpan(name, { kind, parent, attributes }) {
      const span = otel.startSpan(
        name,
        { kind: KINDS[kind], attributes: attributesOf(attributes) },
        parentContext(parent),
      );
      const ids = span.spanContext();
      const own: TraceContext = {
        traceId: ids.traceId,
        spanId: ids.spanId,
        flags: ids.traceFlags.toString(16).padStart(2, '0'),
      };
      const handle: Span = {
        trace: own,
        recording: span.isRecording(),
        setAttributes: (more) => void span.setAttributes(attributesOf(more)),
        rename: (newName) => void span.updateName(newName),
        fail: (description) => void span.setStatus({ code: SpanStatusCode.ERROR, message: description }),
        end: () => span.end(),
      };
      return handle;
    },
  };
  return { tracer, shutdown: () => provider.shutdown() };
}
