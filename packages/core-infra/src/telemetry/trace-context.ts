import { randomBytes } from 'node:crypto';

/** Where one unit of work sits in a distributed trace (W3C Trace Context). */
export interface TraceContext {
  /** 32 lowercase hex digits, shared by every process one request sets in motion. */
  readonly traceId: string;
  /** 16 lowercase hex digits naming this unit of work (an HTTP request, a message handled). */
  readonly spanId: string;
  /** The trace-flags byte as two hex digits (`01`: sampled). */
  readonly flags: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

/**
 * Parses a `traceparent` header; `undefined` for anything malformed (all-zero ids, version `ff`, version 00
 * with trailing data, upper case), so a bad header starts a new trace rather than failing the request. Later
 * versions are read by their version-00 prefix, as the specification asks.
 */
export function parseTraceparent(value: string | undefined): TraceContext | undefined {
  if (value === undefined || value.length > 512) return undefined;
  const match = TRACEPARENT.exec(value.trim());
  if (match === null) return undefined;
  const [, version, traceId, spanId, flags, rest] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string?,
  ];
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (traceId === ZERO_TRACE || spanId === ZERO_SPAN) return undefined;
  return { traceId, spanId, flags };
}

/** The `traceparent` header value (version 00) of a context. */
export function formatTraceparent(context: TraceContext): string {
  return `00-${context.traceId}-${context.spanId}-${context.flags}`;
}

// Random bytes for a few hundred ids at a time: one call into the CSPRNG instead of two per request.
let pool = Buffer.alloc(0);
let offset = 0;

function randomHex(bytes: number): string {
  if (offset + bytes > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  offset += bytes;
  return pool.toString('hex', offset - bytes, offset);
}

/** A new span of `parent`'s trace, or the root span of a new (sampled) trace when there is no parent. */
export function startSpan(parent?: TraceContext): TraceContext {
  return {
    traceId: parent?.traceId ?? randomHex(16),
    spanId: randomHex(8),
    flags: parent?.flags ?? '01',
  };
}
