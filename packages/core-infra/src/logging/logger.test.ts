import { EventEmitter } from 'node:events';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, gatherLines, gatheredOutput, LOG_HAND_OVER_MS, redactSecrets } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ destination }) };
}

describe('logger redaction', () => {
  it('censors secret keys at any depth, in arrays, in child bindings and in a logged error', () => {
    const { lines, logger } = capture();
    const input = {
      user: { profile: { credentials: { password: 'p1' } } },
      list: [{ token: 't1' }],
      name: 'kept',
    };
    logger.child({ databaseUrl: 'postgres://secret' }).info(input, 'nested');
    logger
      .child({ name: 'outer' })
      .child({ options: { secret: 'g1' } })
      .info('grandchild');
    logger.error(
      Object.assign(new Error('boom', { cause: Object.assign(new Error('inner'), { password: 'c1' }) }), {
        apiKey: 'k1',
        context: { authorization: 'Bearer b1' },
      }),
    );
    const [nested, grandchild, failed] = lines;
    expect(grandchild).toMatchObject({ name: 'outer', options: { secret: '[redacted]' } });
    expect(nested).toMatchObject({
      databaseUrl: '[redacted]',
      user: { profile: { credentials: { password: '[redacted]' } } },
      list: [{ token: '[redacted]' }],
      name: 'kept',
    });
    expect(failed).toMatchObject({
      msg: 'boom',
      err: {
        type: 'Error',
        message: 'boom: inner',
        apiKey: '[redacted]',
        context: { authorization: '[redacted]' },
      },
    });
    expect(JSON.stringify(lines)).not.toMatch(/p1|t1|k1|b1|g1|c1|postgres:/);
    // The caller's objects are not modified.
    expect(input.user.profile.credentials.password).toBe('p1');
  });

  it('returns what holds no secret as it is, without copying', () => {
    const line = { method: 'GET', route: '/users/:id', status: 200, nested: { ids: [1, 2] } };
    expect(redactSecrets(line)).toBe(line);
  });
});

/** Where gathered lines are handed over, remembering each write and each flush. */
function sink() {
  const writes: string[] = [];
  const flushed: unknown[] = [];
  return {
    writes,
    flushed,
    write: (bytes: Buffer) => writes.push(bytes.toString()),
    flush: (callback?: (error?: Error) => void) => flushed.push(callback),
  };
}

/** A flush callback that is only compared. */
const done = () => {};

describe('lines gathered for standard output', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands the lines of one interval over in one write, in order, bytes not lost or repeated', () => {
    vi.useFakeTimers();
    const to = sink();
    const logger = createLogger({ destination: gatherLines(to) });
    for (let i = 0; i < 50; i++) logger.info({ i }, 'line é');
    expect(to.writes).toEqual([]);
    vi.advanceTimersByTime(LOG_HAND_OVER_MS - 1);
    expect(to.writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(to.writes).toHaveLength(1);
    const lines = (to.writes[0] ?? '')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { i: number; msg: string });
    expect(lines.map((l) => l.i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(lines[0]?.msg).toBe('line é');
    // Nothing pending: no further write; the next line starts a new interval.
    vi.advanceTimersByTime(LOG_HAND_OVER_MS * 3);
    expect(to.writes).toHaveLength(1);
    logger.info('later');
    vi.advanceTimersByTime(LOG_HAND_OVER_MS);
    expect(to.writes).toHaveLength(2);
    expect(to.writes[1]).toContain('"msg":"later"');
  });

  it('hands over at once on flush, and the timer it cleared writes nothing more', () => {
    vi.useFakeTimers();
    const to = sink();
    const logger = createLogger({ destination: gatherLines(to) });
    logger.info('one');
    logger.info('two');
    logger.flush(done);
    expect(to.writes).toHaveLength(1);
    expect(to.writes[0]?.match(/"msg"/g)).toHaveLength(2);
    expect(to.flushed).toEqual([done]);
    logger.info('three');
    logger.flush(done);
    vi.advanceTimersByTime(LOG_HAND_OVER_MS * 2);
    expect(to.writes).toHaveLength(2);
    expect(to.writes[1]).toContain('"msg":"three"');
  });
});

describe('gathered output to a file descriptor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-log-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function output(name: string) {
    const path = join(dir, name);
    const fd = openSync(path, 'w');
    const exits = new EventEmitter();
    const logger = createLogger({ destination: gatheredOutput(fd, exits) });
    const read = () =>
      readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => (JSON.parse(line) as { i: number }).i);
    return { fd, exits, logger, read };
  }

  it('writes every line, in order, once the interval is over', async () => {
    const { fd, logger, read } = output('interval.log');
    for (let i = 0; i < 100; i++) logger.info({ i }, 'line');
    expect(read()).toEqual([]);
    const deadline = Date.now() + 5000;
    while (read().length < 100 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(read()).toEqual(Array.from({ length: 100 }, (_, i) => i));
    closeSync(fd);
  });

  it('writes what is gathered and what is queued when the process exits, before any timer fires', () => {
    const { fd, exits, logger, read } = output('exit.log');
    for (let i = 0; i < 1000; i++) logger.info({ i }, 'line');
    exits.emit('exit');
    expect(read()).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    closeSync(fd);
  });
});
