import { describe, expect, it } from 'vitest';
import { token } from './token.js';

describe('token', () => {
  it('gives the same symbol for the same description, so copies of the package agree', () => {
    expect(token<number>('test.Thing')).toBe(token<number>('test.Thing'));
    expect(token<number>('test.Thing')).not.toBe(token<number>('test.Other'));
  });
});
