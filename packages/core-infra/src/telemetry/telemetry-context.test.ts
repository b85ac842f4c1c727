import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { withTelemetryContext } from './telemetry-context.js';

const trace = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', flags: '01' };

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', destination }) };
}

describe('the telemetry context', () => {
  it('puts the trace, request, correlation and causation ids on every line written inside it, even after awaits', async () => {
    const { lines, logger } = capturingLogger();
    const context = { trace, requestId: 'req-1', correlationId: 'corr-1', causationId: 'req-1' };
    await withTelemetryContext(context, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger.child({ commandId: 'c-1' }).info('inside');
    });
    logger.info('outside');
    expect(lines[0]).toMatchObject({
      msg: 'inside',
      traceId: trace.traceId,
      spanId: trace.spanId,
      requestId: 'req-1',
      correlationId: 'corr-1',
      causationId: 'req-1',
      commandId: 'c-1',
    });
    expect(lines[1]).not.toHaveProperty('traceId');
  });

  it('lets fields a call site passes win over the context', () => {
    const { lines, logger } = capturingLogger();
    withTelemetryContext({ trace, requestId: 'from-context' }, () =>
      logger.info({ requestId: 'explicit' }, 'x'),
    );
    expect(lines[0]?.requestId).toBe('explicit');
  });
});
