import { describe, expect, it } from 'vitest';
import { preferWait } from './prefer-wait.js';

describe('preferWait', () => {
  it('reads the wait preference among others', () => {
    expect(preferWait('wait=5')).toBe(5);
    expect(preferWait('respond-async, wait=10')).toBe(10);
    expect(preferWait('Wait = "7"; foo=bar')).toBe(7);
  });

  it('caps the wait at 30 seconds', () => {
    expect(preferWait('wait=3600')).toBe(30);
  });

  it('ignores an absent or unreadable preference', () => {
    expect(preferWait(undefined)).toBe(0);
    expect(preferWait('wait=soon')).toBe(0);
    expect(preferWait('handling=strict')).toBe(0);
  });
});
