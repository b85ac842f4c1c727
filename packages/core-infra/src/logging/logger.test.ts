import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactSecrets } from './logger.js';

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
