import { describe, expect, it } from 'vitest';
import { AppError, isAppError, isFinal } from './errors.js';

describe('AppError', () => {
  it('carries a kind, a stable code and field issues', () => {
    const error = AppError.invalid('users.invalid_email', 'Email is not valid', [
      { pointer: '/email', message: 'bad' },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.kind).toBe('invalid');
    expect(error.code).toBe('users.invalid_email');
    expect(error.issues).toEqual([{ pointer: '/email', message: 'bad' }]);
  });

  it('is recognised by shape, so a second copy of the package still counts', () => {
    const foreign = Object.assign(new Error('x'), { name: 'AppError', kind: 'conflict', code: 'a.b' });
    expect(isAppError(foreign)).toBe(true);
    expect(isAppError(new Error('x'))).toBe(false);
    expect(isAppError('AppError')).toBe(false);
  });

  it('treats rule violations as final and passing faults as retryable', () => {
    expect(isFinal('invalid')).toBe(true);
    expect(isFinal('conflict')).toBe(true);
    expect(isFinal('unavailable')).toBe(false);
    expect(isFinal('concurrency')).toBe(false);
    expect(isFinal('internal')).toBe(false);
  });
});
