import { describe, expect, it } from 'vitest';
import { formatTraceparent, parseTraceparent, startSpan } from './trace-context.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

describe('parseTraceparent', () => {
  it('reads a version-00 traceparent', () => {
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-01`)).toEqual({ traceId: TRACE, spanId: SPAN, flags: '01' });
  });

  it('reads a later version by its version-00 prefix', () => {
    expect(parseTraceparent(`01-${TRACE}-${SPAN}-00-future`)?.traceId).toBe(TRACE);
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['upper case', `00-${TRACE.toUpperCase()}-${SPAN}-01`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${SPAN}-01`],
    ['an all-zero span id', `00-${TRACE}-${'0'.repeat(16)}-01`],
    ['version ff', `ff-${TRACE}-${SPAN}-01`],
    ['version 00 with trailing data', `00-${TRACE}-${SPAN}-01-extra`],
    ['a log-forging attempt', `00-${TRACE}-${SPAN}-01\n{"level":60}`],
    ['a short trace id', `00-${TRACE.slice(1)}-${SPAN}-01`],
  ])('refuses %s', (_, value) => {
    expect(parseTraceparent(value)).toBeUndefined();
  });
});

describe('startSpan', () => {
  it('continues the parent trace with a new span id and the same flags', () => {
    const parent = { traceId: TRACE, spanId: SPAN, flags: '00' };
    const child = startSpan(parent);
    expect(child).toMatchObject({ traceId: TRACE, flags: '00' });
    expect(child.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(child.spanId).not.toBe(SPAN);
  });

  it('starts a new sampled trace without a parent, and formats it as a valid traceparent', () => {
    const root = startSpan();
    expect(root.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(startSpan().traceId).not.toBe(root.traceId);
    expect(parseTraceparent(formatTraceparent(root))).toEqual(root);
    expect(formatTraceparent(root)).toBe(`00-${root.traceId}-${root.spanId}-01`);
  });
});
