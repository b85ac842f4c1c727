import { AppError } from '@contextflow/core';
import { describe, expect, it } from 'vitest';
import { UserName } from './user-name.js';

function rejectionOf(raw: string): AppError {
  try {
    UserName.of(raw);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
}

describe('UserName', () => {
  it('trims surrounding whitespace', () => {
    expect(UserName.of('  Alice Smith \n').value).toBe('Alice Smith');
  });

  it('normalises to NFC so equal-looking names compare equal', () => {
    expect(UserName.of('Rene\u0301').equals(UserName.of('Ren\u00e9'))).toBe(true);
  });

  it('accepts a single character', () => {
    expect(UserName.of('A').value).toBe('A');
  });

  it('accepts 100 characters, counting an emoji as one', () => {
    expect(UserName.of('😀'.repeat(100)).value).toHaveLength(200);
  });

  it('rejects 101 characters', () => {
    expect(rejectionOf('a'.repeat(101)).issues[0]?.message).toMatch(/at most 100/);
  });

  it.each([
    ['an empty string', ''],
    ['only whitespace', ' \t '],
    ['a line feed inside', 'Alice\nSmith'],
    ['a NUL character', 'Alice\u0000'],
    ['an escape character', 'Alice\u001b[31m'],
    ['a DEL character', 'Ali\u007fce'],
    ['a line separator', 'Alice\u2028Smith'],
  ])('rejects %s', (_label, raw) => {
    const error = rejectionOf(raw);
    expect(error.kind).toBe('invalid');
    expect(error.code).toBe('users.invalid_name');
    expect(error.issues).toEqual([{ pointer: '/name', message: expect.any(String) }]);
  });

  it('tells the first rule raw input breaks without throwing, and nothing for a good name', () => {
    expect(UserName.problemOf('   ')).toBe('Name is required');
    expect(UserName.problemOf('a'.repeat(101))).toMatch(/at most 100/);
    expect(UserName.problemOf(' Ada ')).toBeNull();
  });

  it('compares by value', () => {
    expect(UserName.of('Alice').equals(UserName.of(' Alice '))).toBe(true);
    expect(UserName.of('Alice').equals(UserName.of('alice'))).toBe(false);
  });
});
