import { describe, expect, it } from 'vitest';
import { jsonPointer } from './json-pointer.js';

describe('jsonPointer', () => {
  it('escapes ~ and / as RFC 6901 says', () => {
    expect(jsonPointer(['items', 0, 'a/b', 'c~d'])).toBe('/items/0/a~1b/c~0d');
  });

  it('points at the whole document for an empty path', () => {
    expect(jsonPointer([])).toBe('');
  });
});
