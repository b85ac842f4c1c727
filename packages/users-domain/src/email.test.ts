import { AppError } from '@contextflow/core';
import { describe, expect, it } from 'vitest';
import { Email } from './email.js';

function rejectionOf(raw: string): AppError {
  try {
    Email.of(raw);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
}

describe('Email', () => {
  it('trims and lowercases the address', () => {
    expect(Email.of('  Alice.Smith+tag@Example.COM ').value).toBe('alice.smith+tag@example.com');
  });

  it('accepts an address of exactly 254 characters', () => {
    const raw = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.io`;
    expect(raw).toHaveLength(254);
    expect(Email.of(raw).value).toBe(raw);
  });

  it('rejects an address longer than 254 characters', () => {
    const raw = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(59)}.io`;
    expect(rejectionOf(raw).issues[0]?.message).toMatch(/at most 254/);
  });

  it('rejects a local part longer than 64 characters', () => {
    expect(rejectionOf(`${'a'.repeat(65)}@example.com`).issues[0]?.message).toMatch(/at most 64/);
  });

  it.each([
    ['an empty string', ''],
    ['only spaces', '   '],
    ['no @', 'alice.example.com'],
    ['nothing before @', '@example.com'],
    ['nothing after @', 'alice@'],
    ['two @', 'alice@bob@example.com'],
    ['a space inside', 'ali ce@example.com'],
    ['a leading dot', '.alice@example.com'],
    ['two dots in a row', 'al..ice@example.com'],
    ['a dotless domain', 'alice@localhost'],
    ['an empty domain label', 'alice@example..com'],
    ['a label starting with a hyphen', 'alice@-example.com'],
    ['a numeric top-level domain', 'alice@127.0.0.1'],
    ['a quoted local part', '"alice"@example.com'],
    ['a non-ASCII character', 'alicé@example.com'],
  ])('rejects %s', (_label, raw) => {
    const error = rejectionOf(raw);
    expect(error.kind).toBe('invalid');
    expect(error.code).toBe('users.invalid_email');
    expect(error.issues).toEqual([{ pointer: '/email', message: expect.any(String) }]);
  });

  it('compares by value', () => {
    expect(Email.of('A@example.com').equals(Email.of('a@EXAMPLE.com'))).toBe(true);
    expect(Email.of('a@example.com').equals(Email.of('b@example.com'))).toBe(false);
  });
});
