import { z } from 'zod';

/**
 * Zod fields for environment variables, shared by every configuration loader (the runtime's and each
 * context's), so one variable of a kind reads and fails the same way everywhere. An empty value is unset.
 */

/** Optional text, trimmed; empty → `undefined`. */
export const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

/** An optional URL with one of `protocols` (`['postgres:', 'postgresql:']`); empty → `undefined`. */
export const optionalUrl = (protocols: readonly string[]) =>
  optionalText
    .refine((value) => value === undefined || URL.canParse(value), 'must be a URL')
    .refine(
      (value) => value === undefined || !URL.canParse(value) || protocols.includes(new URL(value).protocol),
      `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );

/** A whole number between `min` and `max`, `fallback` when unset. */
export const wholeNumber = (fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .default(String(fallback))
    .refine((value) => /^\d+$/.test(value), 'must be a whole number')
    .transform(Number)
    .refine((value) => value >= min && value <= max, `must be between ${min} and ${max}`);

/** One of `values`; the error lists them. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });
