import { createLogger } from '@contextflow/core-infra';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackPressureLog } from './back-pressure-log.js';

function recorder() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  return { lines, log: new BackPressureLog(logger, 10_000) };
}

const busy = { code: 'auth.busy', status: 503, route: '/auth/register' };

describe('BackPressureLog', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('logs the first answer of a burst at warn at once, then one summary per interval with the count', () => {
    const { lines, log } = recorder();
    for (let i = 0; i < 2000; i += 1) log.note(busy);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'back-pressure: refusing requests',
        code: 'auth.busy',
        status: 503,
      }),
    ]);
    vi.advanceTimersByTime(10_000);
    log.note(busy);
    vi.advanceTimersByTime(10_000);
    expect(lines.slice(1)).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'back-pressure continues',
        code: 'auth.busy',
        refused: 1999,
      }),
      expect.objectContaining({ level: 40, msg: 'back-pressure continues', code: 'auth.busy', refused: 1 }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('stack');
  });

  it('ends a burst after a quiet interval, so the next answer starts a new one', () => {
    const { lines, log } = recorder();
    log.note(busy);
    vi.advanceTimersByTime(10_000);
    vi.advanceTimersByTime(10_000);
    log.note(busy);
    expect(lines.map((line) => line.msg)).toEqual([
      'back-pressure: refusing requests',
      'back-pressure: refusing requests',
    ]);
  });

  it('counts each code on its own', () => {
    const { lines, log } = recorder();
    log.note(busy);
    log.note({ code: 'auth.too_many_attempts', status: 429, route: '/auth/login' });
    log.note(busy);
    expect(lines.map((line) => line.code)).toEqual(['auth.busy', 'auth.too_many_attempts']);
  });
});
