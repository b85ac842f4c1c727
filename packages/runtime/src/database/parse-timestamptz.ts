import { isUtcTimestamptzText } from '@contextflow/core-infra/db';
import { types } from 'pg';

/** pg's own parser of `timestamptz` text (postgres-date): what {@link parseTimestamptz} answers exactly like. */
const stockParser = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (text: string) => Date;

const ZERO = 48;

/** The number `text` holds from `start` to `end` (exclusive) if every character there is a digit, else -1. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Parses the text of a `timestamptz` value into a `Date`, the same `Date` as pg's stock parser. What a UTC
 * session sends (`2026-12-07 14:59:35.123456+00`, year 100 to 9999; the shape `isUtcTimestamptzText` checks)
 * is read by position, without the stock parser's regular expressions; anything else (another offset, BC,
 * `infinity`, years outside that range) goes to the stock parser.
 */
export function parseTimestamptz(text: string): Date {
  const fractionEnd = text.length - 3;
  if (!isUtcTimestamptzText(text) || (fractionEnd > 19 && digits(text, 20, fractionEnd) < 0)) {
    return stockParser(text);
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  // Date.UTC reads years 0–99 as 1900–1999; the stock parser corrects that, and is left to do it.
  if (year < 100 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return stockParser(text);
  // The milliseconds exactly as the stock parser computes them (1000 × the fraction, truncated by Date.UTC).
  const ms = fractionEnd > 19 ? 1000 * Number.parseFloat(text.slice(19, fractionEnd)) : 0;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
}
