import { describe, expect, it } from 'vitest';
import { CliError, parseCli } from './cli.js';

describe('parseCli', () => {
  it('reads run with its contexts and concurrency', () => {
    expect(parseCli(['run', '--contexts', 'users, auth', '--concurrency', '4'])).toEqual({
      command: 'run',
      contexts: ['users', 'auth'],
      concurrency: 4,
      prefetch: undefined,
    });
  });

  it('reads run without options as every context with the defaults', () => {
    expect(parseCli(['run'])).toEqual({
      command: 'run',
      contexts: undefined,
      concurrency: undefined,
      prefetch: undefined,
    });
  });

  it('reads migrate', () => {
    expect(parseCli(['migrate'])).toEqual({ command: 'migrate' });
  });

  it('answers help when no command is given', () => {
    expect(parseCli([])).toEqual({ command: 'help' });
  });

  it('rejects an unknown command', () => {
    expect(() => parseCli(['launch'])).toThrow(new CliError('unknown command: launch'));
  });

  it('rejects an unknown option', () => {
    expect(() => parseCli(['run', '--turbo'])).toThrow(CliError);
  });

  it('rejects a concurrency that is not a positive whole number', () => {
    expect(() => parseCli(['run', '--concurrency', '0'])).toThrow('--concurrency must be a whole number ≥ 1');
  });

  it('rejects run options given to migrate', () => {
    expect(() => parseCli(['migrate', '--contexts', 'users'])).toThrow('--contexts applies to "run" only');
  });
});
