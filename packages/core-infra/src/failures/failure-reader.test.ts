import { describe, expect, it } from 'vitest';
import { isFailureId, MAX_FAILURE_ID } from './failure-reader.js';

describe('isFailureId', () => {
  it('takes the positive integers of a bigint column', () => {
    expect(['1', '42', MAX_FAILURE_ID.toString()].map(isFailureId)).toEqual([true, true, true]);
  });

  it('refuses zero, signs, leading zeros, other text and numbers past bigint', () => {
    const refused = ['0', '-1', '+1', '01', '1.5', '', 'abc', '9223372036854775808', '9999999999999999999'];
    expect(refused.filter(isFailureId)).toEqual([]);
  });
});
