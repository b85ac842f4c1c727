import { describe, expect, it } from 'vitest';
import { Email } from './email.js';

describe('Email', () => {
  it('trims and lower-cases the address', () => {
    expect(Email.parse('  Alice.Smith+News@Example.COM ').value).toBe('alice.smith+news@example.com');
  });

  it.each([
    ['', 'empty'],
    ['alice', 'no @'],
    ['@example.com', 'no local part'],
    ['alice@', 'no domain'],
    ['alice@localhost', 'a single-label domain'],
    ['alice..smith@example.com', 'consecutive dots'],
    ['.alice@example.com', 'a leading dot'],
    ['alice@-example.com', 'a label starting with a hyphen'],
    ['alice@example.123', 'a numeric top-level label'],
    ['ali ce@example.com', 'a space'],
    ['alice@exa_mple.com', 'an underscore in the domain'],
  ])('rejects %j (%s) with a pointer to /email', (raw) => {
    expect(() => Email.parse(raw)).toThrow(
      expect.objectContaining({
        kind: 'invalid',
        code: 'auth.invalid_email',
        issues: [expect.objectContaining({ pointer: '/email' })],
      }),
    );
  });

  it('accepts 254 characters and rejects 255', () => {
    const domain = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(50)}.com`;
    const fits = `${'x'.repeat(254 - domain.length - 1)}@${domain}`;
    expect(fits).toHaveLength(254);
    expect(Email.parse(fits).value).toBe(fits);
    expect(() => Email.parse(`x${fits}`)).toThrow(expect.objectContaining({ code: 'auth.invalid_email' }));
  });

  it('rejects a local part longer than 64 characters', () => {
    expect(() => Email.parse(`${'x'.repeat(65)}@example.com`)).toThrow(
      expect.objectContaining({ code: 'auth.invalid_email' }),
    );
  });

  it('answers null instead of throwing from tryParse', () => {
    expect(Email.tryParse('not an email')).toBeNull();
    expect(Email.tryParse('Bob@Example.com')?.value).toBe('bob@example.com');
  });

  it('compares by the normalised address', () => {
    expect(Email.parse('BOB@example.com').equals(Email.parse('bob@EXAMPLE.com'))).toBe(true);
  });
});
