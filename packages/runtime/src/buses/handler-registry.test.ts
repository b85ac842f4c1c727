import type { ContextModule } from '@contextflow/core-infra';
import { describe, expect, it } from 'vitest';
import { commandHandlers, inProcessCommands, queryHandlers } from './handler-registry.js';

const moduleOf = (
  name: string,
  commands: string[],
  queries: string[] = [],
  inProcess: string[] = [],
): ContextModule => ({
  name,
  migrations: {},
  commands: [
    ...commands.map((type) => ({ type, handler: Symbol(type), delivery: 'queued' as const })),
    ...inProcess.map((type) => ({ type, handler: Symbol(type), delivery: 'in-process' as const })),
  ],
  queries: queries.map((type) => ({ type, handler: Symbol(type) })),
  events: [],
  register: () => undefined,
});

describe('commandHandlers', () => {
  it('maps every command type of every module to its handler token', () => {
    const registry = commandHandlers([moduleOf('a', ['a.one', 'a.two']), moduleOf('b', ['b.one'])]);
    expect([...registry.keys()]).toEqual(['a.one', 'a.two', 'b.one']);
    expect(registry.get('b.one')).toBeTypeOf('symbol');
  });

  it('rejects a command type registered twice', () => {
    expect(() => commandHandlers([moduleOf('a', ['x.do']), moduleOf('b', ['x.do'])])).toThrow(
      'command type "x.do" is registered twice',
    );
  });
});

describe('queryHandlers', () => {
  it('maps every query type to its handler token', () => {
    const registry = queryHandlers([moduleOf('a', [], ['a.get'])]);
    expect([...registry.keys()]).toEqual(['a.get']);
  });
});

describe('inProcessCommands', () => {
  it('names the command types whose registration delivers them in-process, and no queued one', () => {
    const modules = [
      moduleOf('a', ['a.queued'], [], ['a.sign-in']),
      moduleOf('b', ['b.queued'], [], ['b.secret']),
    ];
    expect([...inProcessCommands(modules)]).toEqual(['a.sign-in', 'b.secret']);
  });
});
