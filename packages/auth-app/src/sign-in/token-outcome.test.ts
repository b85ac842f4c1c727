import { AppError } from '@contextflow/core';
import { describe, expect, it } from 'vitest';
import { tokenOutcome, tokensOrThrow } from './token-outcome.js';

const tokens = { accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer' as const, expiresIn: 60 };

describe('tokenOutcome', () => {
  it('wraps issued tokens as granted', async () => {
    expect(await tokenOutcome(async () => tokens)).toEqual({ ok: true, tokens });
  });

  it('returns a rule refusal instead of throwing it, so the writes before it are committed', async () => {
    const refusal = AppError.unauthorized('auth.invalid_credentials', 'no');
    expect(await tokenOutcome(() => Promise.reject(refusal))).toEqual({ ok: false, error: refusal });
  });

  it('still throws infrastructure faults', async () => {
    await expect(tokenOutcome(() => Promise.reject(new Error('database down')))).rejects.toThrow(
      'database down',
    );
    const unavailable = new AppError('unavailable', 'db.down', 'later');
    await expect(tokenOutcome(() => Promise.reject(unavailable))).rejects.toBe(unavailable);
  });

  it('unwraps granted tokens and throws a refusal', () => {
    const refusal = AppError.unauthorized('auth.invalid_refresh_token', 'no');
    expect(tokensOrThrow({ ok: true, tokens })).toBe(tokens);
    expect(() => tokensOrThrow({ ok: false, error: refusal })).toThrow(refusal);
  });
});
