import { describe, expect, it } from 'vitest';
import { DisplayName } from './display-name.js';

describe('DisplayName', () => {
  it('normalises by trimming and composing (NFC)', () => {
    expect(DisplayName.normalise('  Rene\u0301 \n')).toBe('Ren\u00e9');
  });

  it('accepts 1 to 100 characters, counting an emoji as one', () => {
    expect(DisplayName.problemOf('A')).toBeNull();
    expect(DisplayName.problemOf('😀'.repeat(100))).toBeNull();
  });

  it.each([
    ['blank', '   ', 'Name is required'],
    ['too long', 'a'.repeat(101), 'Name must be at most 100 characters'],
    ['a NUL character', 'Ada\u0000', 'Name must not contain control characters or line breaks'],
    ['a line separator', 'Ada\u2028Lovelace', 'Name must not contain control characters or line breaks'],
  ])('names the rule a %s name breaks', (_label, raw, problem) => {
    expect(DisplayName.problemOf(raw)).toBe(problem);
  });
});
