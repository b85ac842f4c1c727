import { describe, expect, it } from 'vitest';
import { CliError, DEFAULT_LIST_LIMIT, parseCli } from './cli.js';

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
    expect(() => parseCli(['migrate', '--contexts', 'users'])).toThrow(
      '--contexts does not apply to "migrate"',
    );
  });

  it('reads dead-letters list with its defaults, a queue and a limit', () => {
    expect(parseCli(['dead-letters', 'list'])).toEqual({
      command: 'dead-letters',
      action: 'list',
      queue: undefined,
      limit: DEFAULT_LIST_LIMIT,
    });
    expect(parseCli(['dead-letters', 'list', '--queue', 'users.commands', '--limit', '5'])).toEqual({
      command: 'dead-letters',
      action: 'list',
      queue: 'users.commands',
      limit: 5,
    });
  });

  it('reads dead-letters show with one message id', () => {
    expect(parseCli(['dead-letters', 'show', 'm-1'])).toEqual({
      command: 'dead-letters',
      action: 'show',
      id: 'm-1',
      queue: undefined,
    });
    expect(() => parseCli(['dead-letters', 'show'])).toThrow('dead-letters show needs a message id');
    expect(() => parseCli(['dead-letters', 'show', 'a', 'b'])).toThrow(
      'unexpected argument to "dead-letters show": b',
    );
  });

  it('reads redrive and purge with ids (each once) or --all, never both or neither', () => {
    expect(parseCli(['dead-letters', 'redrive', 'a', 'b', 'a'])).toEqual({
      command: 'dead-letters',
      action: 'redrive',
      ids: ['a', 'b'],
      queue: undefined,
    });
    expect(parseCli(['dead-letters', 'purge', '--all', '--queue', 'users.commands.dlq'])).toEqual({
      command: 'dead-letters',
      action: 'purge',
      ids: 'all',
      queue: 'users.commands.dlq',
    });
    expect(() => parseCli(['dead-letters', 'redrive'])).toThrow(
      'dead-letters redrive needs message ids, or --all',
    );
    expect(() => parseCli(['dead-letters', 'purge', 'a', '--all'])).toThrow(
      'dead-letters purge takes message ids or --all, not both',
    );
  });

  it('rejects options that belong to another dead-letters action, and bad limits', () => {
    expect(() => parseCli(['dead-letters', 'list', '--all'])).toThrow(
      '--all does not apply to "dead-letters list"',
    );
    expect(() => parseCli(['dead-letters', 'redrive', 'a', '--limit', '3'])).toThrow(
      '--limit does not apply to "dead-letters redrive"',
    );
    expect(() => parseCli(['dead-letters', 'list', '--limit', '-1'])).toThrow(CliError);
    expect(() => parseCli(['dead-letters', 'list', '--queue', ' '])).toThrow('--queue needs a queue name');
  });

  it('rejects a missing or unknown dead-letters action', () => {
    expect(() => parseCli(['dead-letters'])).toThrow('dead-letters needs an action');
    expect(() => parseCli(['dead-letters', 'resend'])).toThrow('unknown dead-letters action: resend');
  });

  it('reads outbox status and nothing else under outbox', () => {
    expect(parseCli(['outbox', 'status'])).toEqual({ command: 'outbox-status' });
    expect(() => parseCli(['outbox'])).toThrow('outbox needs an action');
    expect(() => parseCli(['outbox', 'flush'])).toThrow('unknown outbox action: flush');
    expect(() => parseCli(['outbox', 'status', '--queue', 'x'])).toThrow(CliError);
  });

  it('reads the schedules and processes actions', () => {
    expect(parseCli(['schedules', 'list'])).toEqual({
      command: 'schedules',
      action: 'list',
      limit: DEFAULT_LIST_LIMIT,
    });
    expect(parseCli(['schedules', 'cancel', 'auth:remind:1'])).toEqual({
      command: 'schedules',
      action: 'cancel',
      key: 'auth:remind:1',
    });
    expect(parseCli(['processes', 'list', '--all', '--limit', '5'])).toEqual({
      command: 'processes',
      action: 'list',
      limit: 5,
      all: true,
    });
    expect(parseCli(['processes', 'show', 'acc-1'])).toEqual({
      command: 'processes',
      action: 'show',
      id: 'acc-1',
    });
  });

  it('rejects a schedules or processes line it cannot run', () => {
    expect(() => parseCli(['schedules', 'cancel'])).toThrow('schedules cancel needs a key');
    expect(() => parseCli(['processes', 'show'])).toThrow('processes show needs a correlation id');
    expect(() => parseCli(['schedules', 'list', '--all'])).toThrow(
      '--all does not apply to "schedules list"',
    );
    expect(() => parseCli(['processes', 'kill', 'x'])).toThrow('unknown processes action: kill');
  });
});
