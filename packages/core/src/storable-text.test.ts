import { describe, expect, it } from 'vitest';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE, unstorableTextIssues } from './storable-text.js';

describe('isStorableText', () => {
  it.each([
    ['plain text', 'Ada Lovelace'],
    ['an empty string', ''],
    ['a surrogate pair (an emoji)', 'hi 😀'],
    ['other control characters', 'tab\there\u0001'],
  ])('accepts %s', (_label, text) => {
    expect(isStorableText(text)).toBe(true);
  });

  it.each([
    ['a NUL character', 'nul\u0000byte'],
    ['a lone high surrogate', 'lone\ud800x'],
    ['a lone high surrogate at the end', 'x\ud83d'],
    ['a lone low surrogate', 'x\udc00'],
    ['a reversed pair', '\ude00\ud83d'],
  ])('refuses %s', (_label, text) => {
    expect(isStorableText(text)).toBe(false);
  });
});

describe('unstorableTextIssues', () => {
  it('points at each bad string at any depth, keys included', () => {
    const value = { name: 'ok', nested: { list: ['fine', 'bad\u0000'], ['k\ud800']: 1 }, top: '\udc00' };
    const issues = unstorableTextIssues(value);
    expect(issues.map((issue) => issue.pointer).sort()).toEqual([
      '/nested/k\ud800',
      '/nested/list/1',
      '/top',
    ]);
    expect(issues.every((issue) => issue.message === UNSTORABLE_TEXT_MESSAGE)).toBe(true);
  });

  it('finds nothing in storable data of every JSON type', () => {
    expect(unstorableTextIssues({ a: [1, true, null, 'x', { b: '😀' }] })).toEqual([]);
  });

  it('points at the value itself when it is a bad string', () => {
    expect(unstorableTextIssues('\u0000')).toEqual([{ pointer: '', message: UNSTORABLE_TEXT_MESSAGE }]);
  });

  it('walks very deep nesting without running out of stack', () => {
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableTextIssues(deep)).toHaveLength(1);
  });

  it('reports at most 20 issues', () => {
    expect(unstorableTextIssues(Array.from({ length: 50 }, () => '\u0000'))).toHaveLength(20);
  });
});
